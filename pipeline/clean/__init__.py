"""clean: the second stage, the text that extraction reads, with every change logged.

cleaner puts the text in Unicode NFC and mends soft hyphens, words hyphenated across a
line break and broken quotes; repair undoes OCR damage word by word against the German
lexicon (pipeline.lexicon). Each change is a Correction with its offset in the raw text.

May import: pipeline.model, pipeline.errors, pipeline.lexicon, the vocabularies
(extractors.vocab) and pipeline.read; never segment, the extractors, the database, the
runner or the command line. Imports nothing itself.
"""
