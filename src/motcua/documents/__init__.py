"""Official forms of the one-stop mechanism (TT 01/2018/TT-VPCP Mẫu 01–06, TT 03/2025/TT-VPCP Mẫu 01–07): templates
kept as versioned data, forms issued by the transitions that name them, printed as PDF and Word, and the Sổ theo dõi
hồ sơ of each unit."""
