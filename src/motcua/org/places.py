"""The place name of an agency, as the date line of a paper writes it (“Thanh Hóa, ngày … tháng … năm …”)."""

PLACE_PREFIXES = ("Thành phố", "Tỉnh", "Thị xã", "Thị trấn", "Huyện", "Quận", "Phường", "Xã", "Đặc khu")


def place_of(agency) -> str:
    """The agency's administrative unit without its kind (“Tỉnh Thanh Hóa” → “Thanh Hóa”); "" without a unit."""
    unit = getattr(agency, "admin_unit", None)
    if unit is None:
        return ""
    name = unit.name
    for prefix in PLACE_PREFIXES:
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :]
    return name
