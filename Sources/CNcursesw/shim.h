// The one header through which Swift sees ncursesw (DESIGN.md §3).
#ifndef KRIYA_CNCURSESW_SHIM_H
#define KRIYA_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <termios.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);

// C globals and macros Swift cannot use directly.
static inline WINDOW *kriya_stdscr(void) { return stdscr; }
static inline int kriya_lines(void) { return LINES; }
static inline int kriya_cols(void) { return COLS; }
static inline int kriya_colors(void) { return COLORS; }
static inline int kriya_key_f(int n) { return KEY_F(n); }
static inline FILE *kriya_stdout(void) { return stdout; }
static inline FILE *kriya_stdin(void) { return stdin; }
static inline attr_t kriya_a_normal(void) { return A_NORMAL; }
static inline attr_t kriya_a_bold(void) { return A_BOLD; }
static inline attr_t kriya_a_reverse(void) { return A_REVERSE; }
static inline attr_t kriya_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kriya_a_dim(void) { return A_DIM; }

// A cell: one character (a base scalar and up to 4 combining marks) with attributes and a colour pair.
static inline int kriya_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// True when the terminal can address the cursor (TERM=dumb cannot).
static inline int kriya_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

#endif
