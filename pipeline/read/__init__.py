"""read: the first stage, files to pages of text.

discover finds the documents and gives each its identity (the SHA-256 of its bytes);
reader turns a PDF or text file into pages, with layout keeping table cells apart, ocr
reading pages that have no usable text layer, and quality judging whether a text is German
prose or OCR garbage.

May import: pipeline.model, pipeline.errors, pipeline.lexicon and third-party libraries;
never a later stage, the database, the runner or the command line. Imports nothing itself,
so that importing one module (discover) does not load the others (the PDF library).
"""
