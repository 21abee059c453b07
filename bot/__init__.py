"""The Telegram door: python-telegram-bot handlers that parse, call the core and render."""
