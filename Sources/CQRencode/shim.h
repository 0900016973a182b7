// The one header through which Swift sees libqrencode (Debian's libqrencode-dev).
#ifndef KRIYA_CQRENCODE_SHIM_H
#define KRIYA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
