#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on this machine.
# `prisma generate` only needs the path to exist; every command that really needs the
# engine (migrate, db push, validate, introspection) must fail loudly instead of hanging
# on a download or, worse, exiting 0 with empty output.
echo "schema-engine-stub: Prisma's native schema engine is not available offline." >&2
echo "Use 'npm run db:migrate', 'npm run db:deploy' or 'npm run db:status' (WebAssembly engine) instead." >&2
exit 1
