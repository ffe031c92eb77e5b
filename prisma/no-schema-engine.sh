#!/bin/sh
# Prisma's CLI wants a schema-engine binary to exist even for `prisma generate`, which never runs it.
# The native engine cannot be downloaded on every machine, so this stand-in is named instead; LAR
# applies its migrations itself (`pnpm lar db migrate`).
echo "The Prisma schema engine is not installed here; use 'pnpm lar db migrate'." >&2
exit 1
