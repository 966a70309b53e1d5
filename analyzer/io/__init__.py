"""analyzer.io"""
