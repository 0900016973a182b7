// The one header through which Swift sees libpq, PostgreSQL's own client library
// (Debian's libpq-dev): it reads ~/.pgpass and PGPASSWORD, TLS settings and service files
// exactly as psql does.
#ifndef KRIYA_CPOSTGRES_SHIM_H
#define KRIYA_CPOSTGRES_SHIM_H
#include <libpq-fe.h>
#endif
