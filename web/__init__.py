"""The HTTP door: the Telegram webhook, health and metrics, on one ASGI application."""
