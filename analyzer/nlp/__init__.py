"""analyzer.nlp"""
