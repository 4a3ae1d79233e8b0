"""Import of the national TTHC catalogue (Cổng Dịch vụ công quốc gia) into versioned procedures.

``records`` holds the normalised record (no Django), ``dvcqg_text`` and ``dvcqg_json`` parse the two source
formats into it, and ``loader`` writes records as published versions, idempotently.
"""
