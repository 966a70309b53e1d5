"""analyzer.score"""
