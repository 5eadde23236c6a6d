"""Small helpers with no models, importable by any app; imports no app itself."""
