"""English of the permission scope rule (issue 16 rule 1): the subunits flag of a role assignment is for the
province-wide roles only (see scripts/fill_en_po.py)."""

EN = {
    "Vai trò có hiệu lực cả ở các cơ quan, đơn vị cấp dưới. Chỉ dành cho vai trò toàn tỉnh: "
    "quản trị hệ thống, kiểm soát TTHC.": "The role also applies in every agency and unit below. Only for the "
    "province-wide roles: system administrator, TTHC controller.",
    "Chỉ vai trò toàn tỉnh (%(roles)s) mới được áp dụng cả đơn vị trực thuộc; vai trò “%(role)s” chỉ có hiệu lực "
    "tại đơn vị được phân công và các phòng, bộ phận nội bộ của đơn vị.": "Only the province-wide roles "
    "(%(roles)s) may apply to the units below; the role “%(role)s” applies only in the unit it is assigned in and "
    "that unit's internal divisions and sections.",
}
