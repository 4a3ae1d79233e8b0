"""English of the edge-of-deployment messages (issue 16 rule 7: idle sign-out of officers)."""

EN = {
    "Phiên làm việc đã kết thúc vì không hoạt động quá %(minutes)s phút. Hãy đăng nhập lại.": (
        "Your session ended after more than %(minutes)s minutes without activity. Please sign in again."
    ),
}
