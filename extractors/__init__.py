"""Field extractors: one module per field family, run in the order of `registry.EXTRACTORS`."""
