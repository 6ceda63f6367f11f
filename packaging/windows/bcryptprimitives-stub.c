/* TEST ONLY, never shipped: a stand-in for Windows' bcryptprimitives.dll inside a Wine prefix.
 * Rust's standard library imports ProcessPrng from it (Windows 10/11 have it); Wine 8 lacks the
 * DLL, so the exe would not start under Wine at all. This stub answers from RtlGenRandom
 * (advapi32's SystemFunction036), which Wine implements. Built by packaging/wine-smoke.sh:
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives-stub.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
