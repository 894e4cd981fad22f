"""The per-post pass of 04_clean in numba: every rule in one pass over a batch's bytes.

    >>> import numpy as np
    >>> seen, new = np.array([3, 9, 0, 0], np.uint64), np.empty(3, np.bool_)
    >>> merge_new(seen, 2, np.array([1, 3, 5], np.uint64), new), seen.tolist(), new.tolist()
    (4, [1, 3, 5, 9], [True, False, True])

``clean_rows`` reads the bytes of a batch of posts and writes each kept post straight into its line
of train.txt or val.txt (``START + text + END + "\\n"``), with its length in characters and a 64-bit
hash, which chooses the file and finds duplicates. Each post is first checked 8 bytes at a time
(anything other than ASCII or an ``&``?); the posts that have such bytes are rewritten into a scratch
buffer (entities decoded, typography made ASCII, other scripts replaced by a space). Then the post is
copied out span by span: text between "trigger" bytes (whitespace other than a single space, and the
'@', '.' or ':' that every link and mention has) is copied as it is, and only the words holding a
trigger are matched character by character. The compiled functions release the GIL, so batches are
cleaned on several threads at once.

The rules are ``botbaby.clean_rules.clean_post``, written out there as regular expressions applied
one post at a time; ``tests/clean/test_kernel.py`` checks this pass against them on generated messy
posts. Matching follows a regex engine's leftmost-first rule: at each position the alternatives are
tried in the order e-mail, ``http(s)``, ``www.``, bare domain, mention, and the first that matches wins.

This module is the source; ``botbaby.clean_kernel`` runs it on Arrow batches, from an extension
module built from it ahead of time (``build_extension``: no numba at run time, ready in a
millisecond) or, where no C compiler is at hand, from numba's cache (``cache=True``: loading numba
and the cached code takes a few tenths of a second). Its tables and codes are ``botbaby.clean_tables``.
"""

import contextlib
import functools
import os
import tempfile
import warnings
from pathlib import Path

import numba
import numpy as np
from llvmlite import ir
from numba.core import cgutils, types
from numba.cpython.unsafe.numbers import trailing_zeros
from numba.extending import intrinsic

from botbaby.clean_rules import EMPTY, KEPT, NOTHING_LEFT, OTHER_SCRIPT, RETWEET, TOO_SHORT, TRUNCATED
from botbaby.clean_tables import (
    AT,
    CAPITAL_I,
    DOT,
    ELLIPSIS,
    ENTRY_POINTS,
    HASH,
    JOINER,
    JOINING,
    KEPT_CHAR,
    NEEDS_PREPARE,
    NEEDS_PYTHON,
    NFKC_UNSAFE,
    REMOVED,
    SLASH,
    TYPOGRAPHY_CHAR,
)

jit = functools.partial(numba.njit, cache=True, nogil=True)
u64 = np.uint64


@jit(inline="always")
def is_word(b):  # \w in the patterns: ASCII letters, digits, underscore
    return (48 <= b <= 57) or (65 <= b <= 90) or (97 <= b <= 122) or b == 95


@jit(inline="always")
def is_label(b):  # [\w-]: a domain label
    return is_word(b) or b == 45


@jit(inline="always")
def is_email(b):  # [\w.+-]: the local part of an e-mail address
    return is_word(b) or b == 46 or b == 43 or b == 45


@jit(inline="always")
def lower(b):
    return b | 0x20 if 65 <= b <= 90 else b


@jit(inline="always")
def ascii_space(b):  # what str.isspace() says of ASCII: \t \n \v \f \r, \x1c-\x1f, space
    return b == 32 or 9 <= b <= 13 or 28 <= b <= 31


@jit(inline="always")
def ascii_line_break(b):  # what str.splitlines() splits on in ASCII
    return 10 <= b <= 13 or 28 <= b <= 30


@jit(inline="always")
def char_length(b):  # bytes of the UTF-8 character starting with byte b
    if b < 0x80:
        return 1
    if b >= 0xF0:
        return 4
    if b >= 0xE0:
        return 3
    return 2


@intrinsic
def copy(typingctx, src, src_start, dst, dst_start, n):
    """dst[dst_start:dst_start + n] = src[src_start:src_start + n] as one memcpy (numba's slices copy bytewise)."""

    def codegen(context, builder, signature, args):
        source = context.make_array(signature.args[0])(context, builder, args[0])
        target = context.make_array(signature.args[2])(context, builder, args[2])
        cgutils.raw_memcpy(
            builder, builder.gep(target.data, [args[3]]), builder.gep(source.data, [args[1]]), args[4], 1
        )
        return context.get_dummy_value()

    return types.none(src, src_start, dst, dst_start, n), codegen


@intrinsic
def load_u64(typingctx, array, i):
    """The 8 bytes of a uint8 array from position i as one little-endian integer (an unaligned load)."""

    def codegen(context, builder, signature, args):
        data = context.make_array(signature.args[0])(context, builder, args[0]).data
        return builder.load(builder.bitcast(builder.gep(data, [args[1]]), ir.IntType(64).as_pointer()), align=1)

    return types.uint64(array, i), codegen


@intrinsic
def store_u64(typingctx, array, i, value):
    """Write the integer value as 8 little-endian bytes into a uint8 array from position i (unaligned)."""

    def codegen(context, builder, signature, args):
        data = context.make_array(signature.args[0])(context, builder, args[0]).data
        builder.store(args[2], builder.bitcast(builder.gep(data, [args[1]]), ir.IntType(64).as_pointer()), align=1)
        return context.get_dummy_value()

    return types.none(array, i, types.uint64), codegen


@jit
def decode(src, p, end):  # (code point, bytes) of the UTF-8 character at p; a broken one is U+FFFD
    b = np.int64(src[p])
    n = char_length(b)
    if b < 0xC0 or p + n > end:
        return 0xFFFD, 1
    cp = b & (0x1F if n == 2 else (0x0F if n == 3 else 0x07))
    for k in range(1, n):
        c = np.int64(src[p + k])
        if c & 0xC0 != 0x80:
            return 0xFFFD, 1
        cp = (cp << 6) | (c & 0x3F)
    if cp > 0x10FFFF:
        return 0xFFFD, 1
    return cp, n


@jit
def non_space_end(src, p, end):  # end of the run of non-whitespace starting at p (\S*)
    while p < end and not ascii_space(src[p]):
        p += 1
    return p


@jit
def labels_end(src, p, end):  # end of [\w-]+ at p (p itself when there is none)
    while p < end and is_label(src[p]):
        p += 1
    return p


@jit
def email_end(src, p, end):  # [\w.+-]+@[\w-]+(?:\.[\w-]+)+ from p (p at the start of the local part)
    r = p
    while r < end and is_email(src[r]):
        r += 1
    if r == p or r >= end or src[r] != 64:
        return -1
    q = labels_end(src, r + 1, end)
    if q == r + 1:
        return -1
    dots = 0
    while q < end and src[q] == 46:
        q2 = labels_end(src, q + 1, end)
        if q2 == q + 1:
            break
        q, dots = q2, dots + 1
    return q if dots else -1


@jit
def scheme_end(src, p, end):  # https?(?::|…|\.\.\.)\S* (any case) from p
    if p + 5 > end or lower(src[p]) != 104 or lower(src[p + 1]) != 116 or lower(src[p + 2]) != 116:
        return -1
    if lower(src[p + 3]) != 112:
        return -1
    for q in (p + 5, p + 4):  # "https" before "http": the regex's greedy s?
        if q == p + 5 and (q > end or lower(src[p + 4]) != 115):
            continue
        if q < end and src[q] == 58:
            return non_space_end(src, q + 1, end)
        if q + 3 <= end and src[q] == 0xE2 and src[q + 1] == 0x80 and src[q + 2] == 0xA6:
            return non_space_end(src, q + 3, end)
        if q + 3 <= end and src[q] == 46 and src[q + 1] == 46 and src[q + 2] == 46:
            return non_space_end(src, q + 3, end)
    return -1


@jit
def www_end(src, p, end):  # www\.\S+ (any case) from p
    if p + 5 > end or lower(src[p]) != 119 or lower(src[p + 1]) != 119 or lower(src[p + 2]) != 119:
        return -1
    if src[p + 3] != 46 or ascii_space(src[p + 4]):
        return -1
    return non_space_end(src, p + 4, end)


@jit
def bare_domain_end(src, p, end, tld_bytes, tld_offsets):
    """[\\w-]+(?:\\.[\\w-]+)*\\.(?:[a-z]{2,}/\\S*|(?:com|in|...)\\b) from p: (end or -1, end of the labels)."""
    q = labels_end(src, p, end)
    while q < end and src[q] == 46 and q + 1 < end and is_label(src[q + 1]):
        q = labels_end(src, q + 1, end)
    chain = q
    d = chain - 1
    while d > p:  # the dots from the last one back: the regex's greedy (?:\.[\w-]+)* backing off
        if src[d] == 46:
            t = d + 1
            while t < end and 97 <= src[t] <= 122:
                t += 1
            if t - d - 1 >= 2 and t < end and src[t] == 47:
                return non_space_end(src, t + 1, end), chain
            for k in range(len(tld_offsets) - 1):
                a, b = tld_offsets[k], tld_offsets[k + 1]
                stop = d + 1 + b - a
                if stop > end or (stop < end and is_word(src[stop])):
                    continue
                same = True
                for x in range(b - a):
                    if src[d + 1 + x] != tld_bytes[a + x]:
                        same = False
                        break
                if same:
                    return stop, chain
        d -= 1
    return -1, chain


@jit
def match_end(src, p, se, restart, no_bare_until, urls, mentions, row_start, tld_bytes, tld_offsets):
    """Where a link or mention starting at p ends (-1: none there), and the labels known not to be a domain."""
    b = src[p]
    if urls:
        if is_email(b) and (p == restart or not is_email(src[p - 1])):
            end = email_end(src, p, se)
            if end >= 0:
                return end, no_bare_until
        if b == 104 or b == 72:
            end = scheme_end(src, p, se)
            if end >= 0:
                return end, no_bare_until
        if b == 119 or b == 87:
            end = www_end(src, p, se)
            if end >= 0:
                return end, no_bare_until
        if p >= no_bare_until and is_label(b) and (p == restart or not is_label(src[p - 1])):
            end, no_bare_until = bare_domain_end(src, p, se, tld_bytes, tld_offsets)
            if end >= 0:
                return end, no_bare_until
    if mentions and b == 64 and p + 1 < se and is_word(src[p + 1]):
        # With links removed, '@' starts a mention anywhere (e-mails went with the links);
        # otherwise only where no word character or '@' comes before it.
        if urls or p == row_start or not (is_word(src[p - 1]) or src[p - 1] == 64):
            end = p + 2
            while end < se and is_word(src[end]):
                end += 1
            return end, no_bare_until
    return -1, no_bare_until


@jit(inline="always")
def zero_bytes(x):
    """0x80 in the zero bytes of the 8 bytes x (exact for the lowest; a byte above a zero one may be flagged too)."""
    return (x - u64(0x0101010101010101)) & ~x


@jit(inline="always")
def trigger_bits(w, after, urls, mentions):
    """0x80 in the bytes of the 8 bytes w that may be a trigger of ``scan`` (the last one with ``after``).

    Control characters, a space before a space, and '@' '.' ':' and 0xE2 as ``triggers`` has them;
    a space at the end before any whitespace. Every trigger is flagged (the lowest flag is the first
    candidate), and some bytes that are none.
    """
    found = (w - u64(0x2020202020202020)) & ~w  # a byte below 0x20
    x = w ^ u64(0x2020202020202020)  # zero where a space is
    x |= (x >> u64(8)) | (u64(after ^ 32) << u64(56))  # zero where a space is followed by one
    found |= zero_bytes(x)
    if mentions or urls:
        found |= zero_bytes(w ^ u64(0x4040404040404040))  # '@'
    if urls:
        found |= zero_bytes(w ^ u64(0x2E2E2E2E2E2E2E2E))  # '.'
        found |= zero_bytes(w ^ u64(0x3A3A3A3A3A3A3A3A))  # ':'
        found |= zero_bytes(w ^ u64(0xE2E2E2E2E2E2E2E2))  # the lead byte of '…'
    if w >> u64(56) == 32 and after <= 32:
        found |= u64(0x80) << u64(56)
    return found & u64(0x8080808080808080)


@jit(inline="always")
def closing(b):  # , . ; ! ? ): no space before them where a link or mention was removed
    return b == 44 or b == 46 or b == 59 or b == 33 or b == 63 or b == 41


@jit
def scan(src, ss, se, out, o, urls, mentions, collapse, tidy, triggers, tld_bytes, tld_offsets):
    """Copy src[ss:se] to out[o:] without links and mentions, whitespace handled and trimmed; return the end.

    Text between trigger bytes (``triggers``: whitespace other than a single space, and '@', '.', ':'
    and the first byte of '…', the bytes every link or mention contains) is copied as it is. At a
    trigger, the word it belongs to is matched position by position, from where a match could start.
    """
    first = o
    pending = False  # collapsing: a space is owed before the next character
    removal = False  # ... and it stands for a removed link or mention (``tidy``: none before , . ; ! ? ))
    after_break = False  # not collapsing: the last character was a line break (a run becomes one space)
    p = ss
    while p < se:
        span = p
        q = p  # the next trigger from p: blocks of 8 bytes without one skipped, the others a byte at a time
        while True:
            limit = se - 1  # the last few bytes are looked at one at a time
            while q + 9 <= se:
                bits = trigger_bits(load_u64(src, q), src[q + 8], urls, mentions)
                if bits:  # from the first byte that may be one to the end of the block
                    limit = q + 8
                    q += trailing_zeros(bits) >> 3
                    break
                q += 8
            while q < limit and not (triggers[src[q]] | (triggers[256 + src[q]] & triggers[512 + src[q + 1]])):
                q += 1
            if q < limit or limit == se - 1:
                break
        if q + 1 == se and not (triggers[src[q]] | triggers[256 + src[q]]):
            q = se
        if q > p:
            if src[p] == 32 and (o == first or (collapse and out[o - 1] == 32) or (pending and removal)):
                p += 1  # no space at the start, nor a second one when collapsing, nor one a removal owes
            if p < q:
                if pending and o > first and src[p] != 32 and out[o - 1] != 32 and not (removal and closing(src[p])):
                    out[o] = 32
                    o += 1
                copy(src, p, out, o, q - p)
                o += q - p
                pending = after_break = removal = False
            p = q
            if p >= se:
                break
        b = src[p]
        if ascii_space(b):
            r = p
            while r < se and ascii_space(src[r]):
                r += 1
            if collapse:
                pending = True
            else:
                for k in range(p, r):
                    is_break = ascii_line_break(src[k])
                    if o > first and not (is_break and after_break):
                        out[o] = 32 if is_break else src[k]
                        o += 1
                    after_break = is_break
            p = r
            continue
        # A trigger inside a word: a link or mention can start only in the run of [\w.+-] before it.
        start = p
        if urls:
            while start > span and is_email(src[start - 1]):
                start -= 1
        word_end = p
        while word_end < se and not ascii_space(src[word_end]):
            word_end += 1
        o -= p - start  # that run was copied as it is: matched again from its start
        restart = start  # no match starts before it, so matching starts afresh there
        no_bare_until = start
        k = start
        while k < word_end:
            end, no_bare_until = match_end(
                src, k, se, restart, no_bare_until, urls, mentions, ss, tld_bytes, tld_offsets
            )
            if end >= 0:
                if not urls:
                    pass  # a mention alone goes, the character before it stays
                elif collapse:
                    if o > first and out[o - 1] == 32:
                        o -= 1
                    pending, removal = True, tidy
                elif o > first:
                    out[o] = 32
                    o += 1
                after_break = False  # a line break after the removed link starts a run of its own
                k = restart = end
                continue
            if pending and o > first and out[o - 1] != 32 and not (removal and closing(src[k])):
                out[o] = 32
                o += 1
            pending = after_break = removal = False
            out[o] = src[k]
            o += 1
            k += 1
        p = max(k, word_end)
    while o > first and ascii_space(out[o - 1]):
        o -= 1
    return o


@jit
def common_entity(src, q, end):  # (ASCII byte, length) of lt; gt; quot; #39; apos; nbsp; at q, else (0, 0)
    if q + 3 <= end and src[q + 2] == 59 and src[q + 1] == 116:
        if src[q] == 108:
            return 60, 3
        if src[q] == 103:
            return 62, 3
    if q + 4 <= end and src[q] == 35 and src[q + 1] == 51 and src[q + 2] == 57 and src[q + 3] == 59:
        return 39, 4
    if q + 5 <= end and src[q + 4] == 59:
        a, b, c, d = src[q], src[q + 1], src[q + 2], src[q + 3]
        if a == 113 and b == 117 and c == 111 and d == 116:
            return 34, 5
        if a == 97 and b == 112 and c == 111 and d == 115:
            return 39, 5
        if a == 110 and b == 98 and c == 115 and d == 112:
            return 32, 5
    return 0, 0


@jit
def rare_entity(src, q, end):  # #[0-9]+; or #[xX][0-9a-fA-F]+; or [A-Za-z][A-Za-z0-9]*; at q
    if q >= end:
        return False
    b = src[q]
    if b == 35:
        r = q + 1
        if r < end and (src[r] == 120 or src[r] == 88):
            r += 1
            s = r
            while r < end and ((48 <= src[r] <= 57) or (97 <= lower(src[r]) <= 102)):
                r += 1
        else:
            s = r
            while r < end and 48 <= src[r] <= 57:
                r += 1
        return r > s and r < end and src[r] == 59
    if not (65 <= b <= 90 or 97 <= b <= 122):
        return False
    r = q + 1
    while r < end and (48 <= src[r] <= 57 or 65 <= src[r] <= 90 or 97 <= src[r] <= 122):
        r += 1
    return r < end and src[r] == 59


@jit(inline="always")
def has_zero_byte(w):  # whether one of the 8 bytes of w is zero
    return ((w - u64(0x0101010101010101)) & ~w & u64(0x8080808080808080)) != 0


@jit
def plain_ascii_end(src, j, e, amp):
    """Where the run of ASCII bytes (other than '&', when ``amp``) from j ends: 8 bytes at a time."""
    while j + 8 <= e:
        w = load_u64(src, j)
        if (w & u64(0x8080808080808080)) != 0 or (amp and has_zero_byte(w ^ u64(0x2626262626262626))):
            break
        j += 8
    while j < e and src[j] < 0x80 and not (amp and src[j] == 38):
        j += 1
    return j


@jit
def rewrite(src, s, e, scratch, unescape, nfkc, classes, combining, points, typo_offsets, typo_values):
    """Entities decoded, typography made ASCII, runs of removed scripts -> one space.

    Returns (length, needs Python, characters the script rule removed). Needs Python: a rare
    entity, or (``nfkc``) a character NFKC may change or combining marks out of canonical order.
    """
    j, o, removing, removed, joinable, last_mark = s, 0, False, 0, False, 0
    while j < e:
        b = src[j]
        if b == 38 and unescape:
            q = j + 1
            while q + 4 <= e and src[q] == 97 and src[q + 1] == 109 and src[q + 2] == 112 and src[q + 3] == 59:
                q += 4  # "&amp;amp;...": each round of escaping undone
            value, k = common_entity(src, q, e)
            if k:
                scratch[o] = value
                o, j, removing = o + 1, q + k, False
            elif rare_entity(src, q, e):
                return o, True, removed
            else:
                scratch[o] = 38
                o, j, removing = o + 1, q, False
            joinable, last_mark = False, 0
            continue
        if b < 0x80:  # a run of plain ASCII: copied in one go
            r = plain_ascii_end(src, j + 1, e, unescape)
            copy(src, j, scratch, o, r - j)
            o, j, removing, joinable, last_mark = o + r - j, r, False, False, 0
            continue
        cp, n = decode(src, j, e)
        if nfkc:
            mark = combining[cp]
            if classes[cp] & NFKC_UNSAFE or (mark != 0 and last_mark > mark):
                return o, True, removed
            last_mark = mark
        kind = np.int64(classes[cp] & 0x7F)
        if kind == JOINER:  # kept between two joinable letters, else removed like other scripts
            kept = False
            if joinable and j + n < e:
                after, _ = decode(src, j + n, e)
                kept = (classes[after] & 0x7F) == JOINING
            kind = KEPT_CHAR if kept else REMOVED
        joinable = kind == JOINING
        if kind == KEPT_CHAR or kind == JOINING:
            copy(src, j, scratch, o, n)
            o, removing = o + n, False
        elif kind == TYPOGRAPHY_CHAR:
            for k in range(len(points)):
                if points[k] == cp:
                    a, z = typo_offsets[k], typo_offsets[k + 1]
                    copy(typo_values, a, scratch, o, z - a)
                    o += z - a
                    break
            removing = False
        else:
            removed += kind == REMOVED  # a space above ASCII is not another script's character
            if not removing:
                scratch[o] = 32
                o, removing = o + 1, True
        j += n
    return o, False, removed


@jit(inline="always")
def starts_with(src, p, e, word):  # src[p:] begins with the bytes of word
    if p + len(word) > e:
        return False
    for k in range(len(word)):
        if src[p + k] != word[k]:
            return False
    return True


_PERISCOPE = np.frombuffer(b"#Periscope", np.uint8).copy()
_YOUTUBE = np.frombuffer(b"@YouTube", np.uint8).copy()
_IM_AT = np.frombuffer(b"I'm at ", np.uint8).copy()
_IM_AT_CURLY = np.frombuffer("I’m at ".encode(), np.uint8).copy()
_JUST_POSTED = np.frombuffer(b"Just posted a ", np.uint8).copy()


@jit
def has_trigger(src, s, e, starts, leading):
    """Whether ``clean_rules.candidates(config)`` matches src[s:e] (a test holds the two together).

    ``starts`` (``_prepare_starts``) says which bytes may start a trigger: the others cost one look-up.
    """
    if leading:  # ^\s*[.,:;]  or  ^\s*(?:@\w+\s*)+[.,:;]
        p = s
        while p < e and ascii_space(src[p]):
            p += 1
        while p < e and src[p] == 64:  # mentions, each with the whitespace after it
            r = p + 1
            while r < e and is_word(src[r]):
                r += 1
            if r == p + 1:
                break
            p = r
            while p < e and ascii_space(src[p]):
                p += 1
        if p < e and (src[p] == 46 or src[p] == 44 or src[p] == 58 or src[p] == 59):
            return True
    j = s
    while j < e:  # 8 bytes at a time: only the bytes that may start a trigger are looked into
        if j + 8 <= e:
            candidates = trigger_start_bits(load_u64(src, j))
            stop = j + 8
        else:
            candidates, stop = u64(0x8080808080808080) >> u64(8 * (8 - (e - j))), e
        while candidates:
            x = j + (trailing_zeros(candidates) >> 3)
            candidates &= candidates - u64(1)
            kind = starts[src[x]]
            if kind == 0:
                continue
            if kind == SLASH:
                if x > s and 48 <= src[x - 1] <= 57:  # [0-9]/
                    return True
            elif kind == DOT:
                if x + 2 < e and src[x + 1] == 46 and src[x + 2] == 46:  # ...
                    return True
            elif kind == ELLIPSIS:
                if x + 2 < e and src[x + 1] == 0x80 and src[x + 2] == 0xA6:  # …
                    return True
            elif kind == HASH:
                if starts_with(src, x, e, _PERISCOPE):
                    return True
            elif kind == AT:
                if starts_with(src, x, e, _YOUTUBE):
                    return True
            elif kind == CAPITAL_I:
                if starts_with(src, x, e, _IM_AT) or starts_with(src, x, e, _IM_AT_CURLY):
                    return True
            elif starts_with(src, x, e, _JUST_POSTED):
                return True
        j = stop
    return False


@jit(inline="always")
def trigger_start_bits(w):
    """0x80 in the bytes of the 8 bytes w that may start a trigger of ``prepare`` ('/' '.' '…' '#' '@' 'I'
    'J'); the lowest is exact, a byte above a flagged one may be flagged without being one."""
    found = zero_bytes((w | u64(0x0101010101010101)) ^ u64(0x2F2F2F2F2F2F2F2F))  # '.' or '/' ('.' | 1 is '/')
    for byte in (0xE2, 0x23, 0x40, 0x49, 0x4A):  # the lead byte of '…', '#', '@', 'I', 'J'
        found |= zero_bytes(w ^ (u64(byte) * u64(0x0101010101010101)))
    return found & u64(0x8080808080808080)


@jit
def has_nfkc_unsafe(src, s, e, classes, combining):
    """Whether NFKC may change src[s:e] (a character with quick check No/Maybe, or marks out of order)."""
    j, last_mark = s, 0
    while j < e:
        if src[j] < 0x80:
            j, last_mark = j + 1, 0
            continue
        cp, n = decode(src, j, e)
        mark = combining[cp]
        if classes[cp] & NFKC_UNSAFE or (mark != 0 and last_mark > mark):
            return True
        j, last_mark = j + n, mark
    return False


@jit
def letters_in(out, a, b):  # ASCII letters plus characters above ASCII (their first bytes) in out[a:b]
    count = 0
    for j in range(a, b):
        c = out[j]
        count += (65 <= c <= 90) or (97 <= c <= 122) or c >= 0xC0
    return count


@jit
def ends_in_ellipsis(out, a, b):  # out[a:b] ends in "..." or "…"
    if b - a < 3:
        return False
    if out[b - 1] == 46 and out[b - 2] == 46 and out[b - 3] == 46:
        return True
    return out[b - 3] == 0xE2 and out[b - 2] == 0x80 and out[b - 1] == 0xA6


@jit(inline="always")
def plain_key_bytes(w):
    """For the 8 bytes w: 0x80 in each byte ``near_key`` keeps (letters, bytes above ASCII), in each
    upper-case letter, in each space."""
    low = w & u64(0x7F7F7F7F7F7F7F7F)
    highs = w & u64(0x8080808080808080)
    lower_case = (low + u64(0x1F1F1F1F1F1F1F1F)) & ~(low + u64(0x0505050505050505))  # 0x61 <= byte <= 0x7A
    upper_case = (low + u64(0x3F3F3F3F3F3F3F3F)) & ~(low + u64(0x2525252525252525)) & ~highs  # 0x41 <= byte <= 0x5A
    x = w ^ u64(0x2020202020202020)
    spaces = ~(((x & u64(0x7F7F7F7F7F7F7F7F)) + u64(0x7F7F7F7F7F7F7F7F)) | x | u64(0x7F7F7F7F7F7F7F7F))
    upper_case &= u64(0x8080808080808080)
    return (highs | (lower_case & ~highs) | upper_case) & u64(0x8080808080808080), upper_case, spaces


@jit
def near_key(out, a, b, key, table):
    """``clean_rules.dedup_key`` of out[a:b] into key: ASCII lower-cased, no ASCII punctuation or digits.

    Eight bytes of letters (or bytes above ASCII) with single spaces between them are copied at
    once, lower-cased; other bytes go through ``table`` one at a time. ``key`` needs 8 bytes of room
    beyond the key.
    """
    k, pending = 0, False  # pending: a space is owed before the next character kept
    j = a
    while j < b:
        if j + 8 <= b:
            w = load_u64(out, j)
            kept, upper_case, spaces = plain_key_bytes(w)
            if (kept | spaces) == u64(0x8080808080808080) and (spaces & (spaces >> u64(8))) == 0:
                # no two spaces in a row: a space inside is copied, one at the start or the end is owed
                w |= upper_case >> u64(2)  # 0x20: lower case
                count = 8
                if spaces & u64(0x80):
                    pending = pending or k > 0
                    w >>= u64(8)
                    count = 7
                key[k] = 32
                k += pending
                store_u64(key, k, w)
                pending = (spaces >> u64(56)) != 0
                k += count - pending
                j += 8
                continue
        stop = min(j + 8, b)
        while j < stop:
            c = table[out[j]]
            if c >= 0:
                if pending:
                    key[k] = 32
                    k += 1
                    pending = False
                key[k] = c
                k += 1
            elif c == -2:
                pending = k > 0
            j += 1
    return k


@jit(inline="always")
def count_chars(out, a, b, ascii_only):  # characters of the UTF-8 text out[a:b]
    chars = b - a
    if not ascii_only:
        for j in range(a, b):
            chars -= (out[j] & 0xC0) == 0x80
    return chars


@jit
def text_digest(out, a, b, seed):  # a 64-bit hash of out[a:b]
    h = seed ^ (u64(b - a) * u64(0x9E3779B97F4A7C15))
    j = a
    while j + 8 <= b:
        w = load_u64(out, j)
        w *= u64(0xBF58476D1CE4E5B9)
        w ^= w >> u64(31)
        h = (h ^ w) * u64(0x94D049BB133111EB)
        j += 8
    w = u64(0)
    for k in range(b - j):
        w |= u64(out[j + k]) << u64(8 * k)
    h = (h ^ w) * u64(0x94D049BB133111EB)
    h ^= h >> u64(33)
    h *= u64(0xFF51AFD7ED558CCD)
    h ^= h >> u64(33)
    h *= u64(0xC4CEB9FE1A85EC53)
    h ^= h >> u64(33)
    return h


@jit(inline="always")
def has_byte_above_ascii_or_amp(data, s, e, amp):
    """Whether data[s:e] has a byte above ASCII (or an '&', when ``amp``): 8 bytes at a time, without branches."""
    high, ampersands = u64(0), u64(0)
    ones, highs, amps = u64(0x0101010101010101), u64(0x8080808080808080), u64(0x2626262626262626)
    j = s
    while j + 8 <= e:
        w = load_u64(data, j)
        high |= w
        x = w ^ amps  # a zero byte where w has an '&'
        ampersands |= (x - ones) & ~x & highs
        j += 8
    for k in range(j, e):
        high |= u64(data[k])
        ampersands |= u64(data[k] == 38)
    return (high & highs) != 0 or (amp and ampersands != 0)


@jit
def clean_rows(
    offsets, data, retweet, flags, min_chars, permille, seed, val_cut, classes, combining, points, typo_offsets,
    typo_values, start_line, end_line, triggers, tld_bytes, tld_offsets, key_table, prepare_starts,
    codes, before, train_out, val_out, train_offsets, val_offsets, rows, hashes, lengths, counts,
):  # fmt: skip
    """Clean every post of a batch; kept posts go to the train or the val outputs (by hash), in order."""
    drop_retweets, unescape, urls, mentions, collapse = flags[0], flags[1], flags[2], flags[3], flags[4]
    nfkc, drop_truncated, near, tidy = flags[5], flags[6], flags[7], flags[8]
    apps, threads, stubs, leading = flags[9], flags[10], flags[11], flags[12]  # triggers of prepare to look for
    triggered = apps or threads or stubs or leading
    n = len(offsets) - 1
    longest = 0
    for i in range(n):
        longest = max(longest, offsets[i + 1] - offsets[i])
    scratch = np.empty(longest + 8, dtype=np.uint8)  # room for near_key's writes past the key
    o, v, kept, held_out = 0, 0, 0, 0  # ends of the train and val outputs, posts in each
    train_offsets[0] = val_offsets[0] = 0
    for i in range(n):
        before[i] = 0
        s, e = offsets[i], offsets[i + 1]
        if e == s:
            codes[i] = EMPTY
            continue
        special = has_byte_above_ascii_or_amp(data, s, e, unescape)
        before[i] = e - s
        if special:  # characters, not bytes
            for j in range(s, e):
                before[i] -= (data[j] & 0xC0) == 0x80
        if triggered and has_trigger(data, s, e, prepare_starts, leading):
            codes[i] = NEEDS_PREPARE
            continue
        prefixed = e - s >= 4 and data[s] == 82 and data[s + 1] == 84 and data[s + 2] == 32 and data[s + 3] == 64
        if drop_retweets and (retweet[i] or prefixed):
            # NFKC comes first: a flagged retweet it would turn into app boilerplate is Python's to judge
            codes[i] = NEEDS_PYTHON if nfkc and special and has_nfkc_unsafe(data, s, e, classes, combining) else RETWEET
            continue
        if prefixed and not drop_retweets:  # ^RT @\w+:?\s* goes: the retweeted text stays
            q = s + 4
            while q < e and is_word(data[q]):
                q += 1
            if q > s + 4:
                if q < e and data[q] == 58:
                    q += 1
                while q < e and (data[q] == 32 or 9 <= data[q] <= 13):
                    q += 1
                s = q
        text = o + len(start_line)  # written into the train output; moved if it turns out to be val
        removed = 0
        if special:
            length, needs_python, removed = rewrite(
                data, s, e, scratch, unescape, nfkc, classes, combining, points, typo_offsets, typo_values
            )
            if needs_python:
                codes[i] = NEEDS_PYTHON
                continue
            stop = scan(
                scratch, 0, length, train_out, text, urls, mentions, collapse, tidy, triggers, tld_bytes, tld_offsets
            )
        else:
            stop = scan(data, s, e, train_out, text, urls, mentions, collapse, tidy, triggers, tld_bytes, tld_offsets)
        chars = count_chars(train_out, text, stop, not special)
        if chars == 0:
            codes[i] = OTHER_SCRIPT if removed else NOTHING_LEFT
            continue
        if removed and permille < 1000:
            if removed * 1000 >= permille * (removed + chars) or 2 * letters_in(train_out, text, stop) < chars:
                codes[i] = OTHER_SCRIPT
                continue
        if drop_truncated and ends_in_ellipsis(train_out, text, stop):
            codes[i] = TRUNCATED
            continue
        if chars < min_chars:
            codes[i] = TOO_SHORT
            continue
        if near:  # the hash of the near-duplicate key (scratch is free again: the key is never longer)
            digest = text_digest(scratch, 0, near_key(train_out, text, stop, scratch, key_table), seed)
        else:
            digest = text_digest(train_out, text, stop, seed)
        codes[i] = KEPT
        copy(start_line, 0, train_out, o, len(start_line))
        copy(end_line, 0, train_out, stop, len(end_line))
        end = stop + len(end_line)
        if digest % u64(1_000_000) < val_cut:
            copy(train_out, o, val_out, v, end - o)
            v += end - o
            rows[1, held_out], hashes[1, held_out], lengths[1, held_out] = i, digest, chars
            held_out += 1
            val_offsets[held_out] = v
        else:
            o = end
            rows[0, kept], hashes[0, kept], lengths[0, kept] = i, digest, chars
            kept += 1
            train_offsets[kept] = o
    counts[0], counts[1] = kept, held_out


@jit
def merge_new(seen, size, ordered, new):
    """Insert the new ones of the sorted hashes ``ordered`` into the sorted ``seen[:size]``, in place.

    ``new[j]`` says whether ordered[j] was neither in ``seen`` nor earlier in ``ordered``; ``seen``
    must have room for them. One walk forward to find them, one merge from the back (no second
    array); returns the new size.
    """
    count, i = 0, 0
    for j in range(len(ordered)):  # both sorted: one walk finds the new ones
        h = ordered[j]
        while i < size and seen[i] < h:
            i += 1
        new[j] = (i == size or seen[i] != h) and (j == 0 or ordered[j - 1] != h)
        count += new[j]
    write, read = size + count, size
    for j in range(len(ordered) - 1, -1, -1):
        if new[j]:
            h = ordered[j]
            while read > 0 and seen[read - 1] > h:
                write, read = write - 1, read - 1
                seen[write] = seen[read]
            write -= 1
            seen[write] = h
    return size + count


@jit
def gather_lines(values, offsets, keep, out):
    """Copy the lines ``keep`` selects (``values[offsets[i]:offsets[i + 1]]``) back to back into ``out``.

    Consecutive kept lines are copied as one block. Returns the number of bytes written.
    """
    o, i, n = 0, 0, len(keep)
    while i < n:
        if not keep[i]:
            i += 1
            continue
        j = i
        while j < n and keep[j]:
            j += 1
        size = offsets[j] - offsets[i]
        copy(values, offsets[i], out, o, size)
        o += size
        i = j
    return o


def build_extension(path: Path) -> None:
    """Compile the pass ahead of time into the extension module ``path`` (named after its file), whole or not at all.

    numba's ``pycc`` and a C compiler: the module needs neither numba nor LLVM when it runs. It exports
    ``clean_tables.ENTRY_POINTS``, compiled for the architecture's baseline CPU, so that the file works on
    any machine that shares the folder (a few percent slower than numba's JIT for this very CPU). Like the
    JIT's, its functions release the GIL: pycc's wrapper does so only when its flags ask, so they are asked
    while this build runs (``pycc`` is pending deprecation in numba; without it the build fails and the
    caller uses numba's cache).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numba.NumbaPendingDeprecationWarning)  # importing pycc warns
        from numba.pycc import CC
        from numba.pycc import compiler as pycc_compiler

    name = path.name.split(".")[0]
    with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=path.parent) as building:
        cc = CC(name)
        cc.output_dir, cc.output_file, cc.verbose = building, path.name, False
        for entry, signature in ENTRY_POINTS.items():
            cc.export(entry, signature)(globals()[entry].py_func)
        with _releasing_gil(pycc_compiler):
            cc.compile()
        os.replace(Path(building) / path.name, path)


@contextlib.contextmanager
def _releasing_gil(pycc_compiler):
    """pycc compiles with flags its wrapper reads ``release_gil`` from; while inside, that flag is set."""
    flags = pycc_compiler.Flags

    def releasing():
        made = flags()
        made.release_gil = True
        return made

    pycc_compiler.Flags = releasing
    try:
        yield
    finally:
        pycc_compiler.Flags = flags
