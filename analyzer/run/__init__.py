"""analyzer.run"""
