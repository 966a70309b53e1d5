"""analyzer.attribution"""
