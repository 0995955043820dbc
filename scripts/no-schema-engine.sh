#!/bin/sh
# Prisma CLI asks for a native schema engine it would download; we never use it (migrations run on the WebAssembly engine, scripts/migrate.mjs).
exit 1
