# motcua — two commands: `make run` and `make test`. Nothing else is needed but Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The address served: the web server binds it and the public address (QR codes, letters, VNeID) defaults from it.
HOST   ?= 127.0.0.1
PORT   ?= 8000
export HOST PORT
# Options of `motcua serve`, e.g. SERVE_OPTIONS="--no-worker --no-scheduler" when those run elsewhere.
SERVE_OPTIONS ?=

# The demo runs like production (DEBUG off), which needs a SECRET_KEY: make keeps one in the data folder (made
# once, readable by its owner only) unless SECRET_KEY or SECRET_KEY_FILE is set in the environment.
DATA_DIR := $(or $(MOTCUA_DATA_DIR),var)
KEY_FILE := $(DATA_DIR)/secret_key
export SECRET_KEY_FILE ?= $(abspath $(KEY_FILE))

.PHONY: run test lint format install migrate demo messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "motcua needs Python 3.11 (found %d.%d)" % sys.version_info[:2])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(KEY_FILE):
	mkdir -p $(DATA_DIR)
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

migrate: install $(KEY_FILE)
	$(BIN)/motcua log_key init --if-missing
	$(BIN)/motcua migrate --noinput

demo: migrate
	$(BIN)/motcua seed_demo

run: demo
	@echo ""
	@echo "  motcua đang chạy tại http://$(HOST):$(PORT)/   (quản trị: /admin/, API: /api/v1/docs)"
	@echo "  cùng máy chủ web: tiến trình xử lý tác vụ nền (motcua worker) và bộ lập lịch (motcua scheduler);"
	@echo "  Ctrl-C dừng tất cả."
	@echo "  Tài khoản minh họa (mật khẩu: motcua-demo):"
	@echo "    admin            quản trị viên (superuser)"
	@echo "    tn.an            công chức tiếp nhận — TTPVHCC tỉnh"
	@echo "    gd.ttpvhcc       lãnh đạo TTPVHCC tỉnh"
	@echo "    cv.tuphap        chuyên viên — Sở Tư pháp"
	@echo "    kiemsoat.tthc    kiểm soát TTHC toàn tỉnh"
	@echo "    tn.hacthanh      tiếp nhận — TTPVHCC phường Hạc Thành"
	@echo "  (danh sách đầy đủ: src/motcua/demo/data/province.json)"
	@echo "  Lãnh đạo và quản trị viên cài xác thực hai bước ở lần đăng nhập đầu (ứng dụng tạo mã trên điện thoại);"
	@echo "  thử không cần điện thoại: MOTCUA_2FA_REQUIRED_ROLES= MOTCUA_2FA_REQUIRED_FOR_STAFF=0 make run"
	@echo ""
	$(BIN)/motcua serve $(SERVE_OPTIONS)

test: install $(KEY_FILE)
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

# Vietnamese is the source language; English is kept in src/motcua/locale/en/LC_MESSAGES/django.po. After changing
# UI strings: make messages, write the English of each new (empty) msgstr there, make messages again (compiles).
# (needs GNU gettext, like Django's makemessages; the compiled .mo is committed so that running needs nothing.)
messages: install $(KEY_FILE)
	cd src/motcua && MOTCUA_DATA_DIR=../../var ../../$(BIN)/motcua makemessages -l en --no-obsolete -i "*/migrations/*"
	cd src/motcua && MOTCUA_DATA_DIR=../../var ../../$(BIN)/motcua compilemessages -l en

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
