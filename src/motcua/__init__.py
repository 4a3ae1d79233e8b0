"""motcua — Hệ thống thông tin giải quyết thủ tục hành chính."""

__version__ = "0.1.0"
