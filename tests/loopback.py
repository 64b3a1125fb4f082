"""Serving an aiohttp app on 127.0.0.1 for a test: one way to start it and know its URL."""

from __future__ import annotations

from aiohttp import web


async def serve(runner: web.AppRunner) -> str:
    """Start ``runner`` on 127.0.0.1 on a free port; its ``http://host:port`` URL."""
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return f"http://{host}:{port}"
