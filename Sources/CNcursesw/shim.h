// The one door to ncurses. Swift cannot import function-like macros or the
// global WINDOW pointers under strict concurrency, so small inline wrappers
// expose exactly what Terminal needs.
#ifndef OPSDECK_CNCURSESW_SHIM_H
#define OPSDECK_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <signal.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline void opsdeck_setlocale(void) { setlocale(LC_ALL, ""); }
static inline WINDOW *opsdeck_stdscr(void) { return stdscr; }
/// Like initscr, but returns NULL instead of exiting when the terminal cannot be opened.
static inline SCREEN *opsdeck_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int opsdeck_colors(void) { return COLORS; }
static inline int opsdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline int opsdeck_lines(void) { return LINES; }
static inline int opsdeck_cols(void) { return COLS; }

static inline attr_t opsdeck_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t opsdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t opsdeck_a_bold(void) { return A_BOLD; }
static inline attr_t opsdeck_a_dim(void) { return A_DIM; }
static inline attr_t opsdeck_a_reverse(void) { return A_REVERSE; }
static inline attr_t opsdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t opsdeck_a_italic(void) { return A_ITALIC; }

static inline mmask_t opsdeck_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t opsdeck_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t opsdeck_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t opsdeck_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t opsdeck_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline void opsdeck_getmaxyx(WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

/// Writes one wide character (a whole grapheme's first scalar) with attributes and a colour pair.
static inline int opsdeck_put_wch(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cc;
    wchar_t wstr[2] = { ch, L'\0' };
    if (setcchar(&cc, wstr, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

/// Writes one grapheme of up to five scalars (a base and its combining marks).
static inline int opsdeck_put_wstr(int y, int x, const wchar_t *wstr, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wstr, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

static inline mmask_t opsdeck_button1_released(void) { return BUTTON1_RELEASED; }

/// Restores the terminal before dying of Ctrl-C, kill or hang-up, so the user's shell is
/// not left without echo (htop's habit). endwin is not async-signal-safe, but the
/// process exits right after and nothing else runs.
static void opsdeck_on_fatal_signal(int sig) {
    endwin();
    _exit(128 + sig);
}

static inline void opsdeck_install_signal_handlers(void) {
    signal(SIGINT, opsdeck_on_fatal_signal);
    signal(SIGTERM, opsdeck_on_fatal_signal);
    signal(SIGHUP, opsdeck_on_fatal_signal);
}

/// Reads one key as a wide character; returns KEY_CODE_YES for function keys.
static inline int opsdeck_get_wch(wint_t *out) { return get_wch(out); }

#endif
