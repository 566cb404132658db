#!/usr/bin/env python3
"""Independent checker for journals written by bench/gen_journal.py.

    python3 bench/validate_gen.py FILE.journal [--ledger FILE.ledger] [--max-errors N]

Re-parses the journal from scratch (its own tokenizer and amount parser, written from
SPEC.md section 1, sharing no code with the generator) and re-checks the rules the
generator promises to keep:

- every line is a well-formed entry: real date, known verb, known keys (Chinese or
  English), required keys present, amounts positive whole 分, 期限/原日期 real dates,
  plans well-formed; dates non-decreasing in file order;
- projects declared once, before use;
- per project and year: available = carried_in + allotted - reduced - paid
  - carried_out - lapsed never goes negative (超支), 调减 never drops the budget below
  what is paid; 结转 only on 12-31; 结转 of Y is carried_in of Y+1;
- contract IDs unique; payments naming a contract name one of the same project and never
  overpay it (conservatively, 冲销 does not give contract room back);
- 冲销 names an earlier voucher of the same project (with 原日期 if given) and never
  exceeds what is left of that payment;
- 封账 hashes match, and nothing after a seal is dated on or before it.

With --ledger it also checks the ledger twin: every transaction balances, and the
account totals equal the journal's totals (expenses = paid, assets:budget = what is
left, assets:carried = carried, equity:lapsed = lapsed, income:appropriation =
-(allotted - reduced)).

Prints a summary with per-year figures; exit status 0 if valid, 1 if not.
Standard library only; integer 分 throughout.
"""

import argparse
import datetime
import hashlib
import re
import sys
import time

VERBS = {
    "项目": "project", "project": "project",
    "下达": "allot", "allot": "allot",
    "调减": "reduce", "reduce": "reduce",
    "支付": "pay", "pay": "pay",
    "合同": "contract", "contract": "contract",
    "冲销": "reverse", "reverse": "reverse",
    "结转": "carry", "carry": "carry",
    "收回": "lapse", "lapse": "lapse",
    "计划": "plan", "plan": "plan",
    "设置": "set", "set": "set",
    "封账": "seal", "seal": "seal",
}

KEY_ALIASES = {
    "单位": "unit", "科目": "code", "计划": "plan", "标签": "tags",
    "文号": "doc", "类别": "kind", "来源": "source", "摘要": "memo",
    "凭证": "voucher", "收款人": "payee", "合同": "contract",
    "对方": "party", "期限": "due", "原凭证": "of", "原日期": "of-date",
    "原因": "reason",
    "单位名称": "org", "默认计划": "default-plan", "黄线": "warn-gap", "红线": "alarm-gap",
    "执行率目标": "target-rate", "零支出天数": "idle-days",
}
for _v in list(KEY_ALIASES.values()):
    KEY_ALIASES[_v] = _v
KEY_ALIASES["sha256"] = "sha256"

# verb -> (number of positionals, allowed keys, required keys)
SHAPE = {
    "project": (2, {"unit", "code", "plan", "tags"}, set()),
    "allot": (2, {"doc", "kind", "source", "memo"}, {"doc"}),
    "reduce": (2, {"doc", "memo"}, {"doc"}),
    "pay": (2, {"voucher", "payee", "contract", "memo"}, set()),
    "contract": (3, {"party", "due", "memo"}, set()),
    "reverse": (2, {"of", "of-date", "voucher", "memo"}, {"of"}),
    "carry": (2, {"reason"}, set()),
    "lapse": (2, {"doc", "reason"}, set()),
    "plan": (2, set(), set()),
    "set": (0, {"org", "default-plan", "warn-gap", "alarm-gap", "target-rate", "idle-days"}, set()),
    "seal": (0, {"sha256"}, {"sha256"}),
}

TOKEN_RE = re.compile(r'(?:[^\s"]+|"(?:[^"\\]|\\.)*")+')
QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
KEYVAL_RE = re.compile(r'^([^\s="]+)=(.*)$', re.S)
AMOUNT_RE = re.compile(r'^(-?)(\d+(?:,\d+)*)(?:\.(\d+))?(万)?(元)?$')
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
PLAN_RE = re.compile(r'^(\d{1,2})月(?:底)?:(\d{1,3})$')


class Invalid(Exception):
    pass


def unquote(tok):
    """Remove double quotes; inside them only \\" and \\\\ are escapes."""
    if '"' not in tok:
        return tok
    out, inq, i, n = [], False, 0, len(tok)
    while i < n:
        c = tok[i]
        if c == '"':
            inq = not inq
        elif c == "\\" and inq:
            i += 1
            if i >= n or tok[i] not in '"\\':
                raise Invalid(f"bad escape in {tok!r}")
            out.append(tok[i])
        else:
            out.append(c)
        i += 1
    if inq:
        raise Invalid(f"unterminated quote in {tok!r}")
    return "".join(out)


_date_ok = {}


def check_date(s):
    r = _date_ok.get(s)
    if r is None:
        r = False
        if DATE_RE.match(s):
            try:
                datetime.date(int(s[:4]), int(s[5:7]), int(s[8:10]))
                r = True
            except ValueError:
                pass
        _date_ok[s] = r
    if not r:
        raise Invalid(f"not a real date: {s!r}")


def parse_amount(s):
    m = AMOUNT_RE.match(s)
    if not m:
        raise Invalid(f"malformed amount {s!r}")
    sign, digits, frac, wan, _ = m.groups()
    whole = int(digits.replace(",", ""))
    frac = frac or ""
    scale = 6 if wan else 2          # decimals that are still whole 分
    if len(frac) > scale and int(frac[scale:]) != 0:
        raise Invalid(f"amount {s!r} is not a whole number of 分")
    frac = (frac + "0" * scale)[:scale]
    fen = whole * 10 ** scale + int(frac or "0")
    if sign:
        fen = -fen
    if fen <= 0:
        raise Invalid(f"amount {s!r} must be greater than zero")
    if fen >= 2 ** 63:
        raise Invalid(f"amount {s!r} overflows Int64 分")
    return fen


def check_plan(s):
    last_m, last_p = 0, 0
    for part in s.split(","):
        m = PLAN_RE.match(part)
        if not m:
            raise Invalid(f"malformed plan checkpoint {part!r}")
        mo, pc = int(m.group(1)), int(m.group(2))
        if not (1 <= mo <= 12 and mo > last_m and last_p <= pc <= 100):
            raise Invalid(f"plan {s!r}: months must increase, percentages not decrease, 0..100")
        last_m, last_p = mo, pc


def validate(path, max_errors=20, ledger=None):
    t0 = time.perf_counter()
    data = open(path, "rb").read()
    errors = []

    def err(lineno, msg):
        errors.append(f"{path}:{lineno}: {msg}")
        if len(errors) >= max_errors:
            raise StopIteration

    projects = {}        # id -> index
    state = {}           # (pid, year) -> [ci, allot, reduce, paid, carried_out, lapsed]
    contracts = {}       # id -> [pid, amount, paid]
    payments = {}        # voucher -> list of [pid, date, left]
    vouchers = set()
    verb_count = {}
    entries = 0
    last_date = ""
    sealed_through = ""
    offset = 0
    min_avail = None

    def st(p, y):
        s = state.get((p, y))
        if s is None:
            s = state[(p, y)] = [0, 0, 0, 0, 0, 0]
        return s

    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    try:
        for lineno, raw in enumerate(lines, 1):
            start = offset
            offset += len(raw) + 1
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                err(lineno, "invalid UTF-8")
                continue
            if line.endswith("\r"):
                line = line[:-1]
            s = line.lstrip(" \t")
            if not s or s[0] in "#;":
                continue
            try:
                if '"' in line:
                    toks = TOKEN_RE.findall(line)
                    if "".join(toks).replace(" ", "") != line.replace(" ", "").replace("\t", ""):
                        raise Invalid("unbalanced quotes")
                else:
                    toks = line.split()
                if len(toks) < 2:
                    raise Invalid("an entry needs DATE and VERB")
                date, verb_tok = toks[0], toks[1]
                check_date(date)
                if date < last_date:
                    raise Invalid(f"date {date} goes back before {last_date}")
                last_date = date
                if sealed_through and date <= sealed_through:
                    raise Invalid(f"dated {date}, on or before the seal of {sealed_through}")
                verb = VERBS.get(verb_tok)
                if verb is None:
                    raise Invalid(f"unknown verb {verb_tok!r}")
                pos, kv = [], {}
                for t in toks[2:]:
                    m = KEYVAL_RE.match(t)
                    if m:
                        k = KEY_ALIASES.get(m.group(1))
                        if k is None:
                            raise Invalid(f"unknown key {m.group(1)!r}")
                        if k in kv:
                            raise Invalid(f"key {m.group(1)} given twice")
                        kv[k] = unquote(m.group(2))
                    else:
                        if kv:
                            raise Invalid(f"positional {t!r} after keys")
                        pos.append(unquote(t))
                npos, allowed, required = SHAPE[verb]
                if len(pos) != npos:
                    raise Invalid(f"{verb_tok} takes {npos} positional fields, got {len(pos)}")
                for k in kv:
                    if k not in allowed:
                        raise Invalid(f"key {k} not allowed for {verb_tok}")
                for k in required:
                    if k not in kv:
                        raise Invalid(f"{verb_tok} requires {k}")
                entries += 1
                verb_count[verb_tok] = verb_count.get(verb_tok, 0) + 1

                if verb == "set":
                    if "default-plan" in kv:
                        check_plan(kv["default-plan"])
                    continue
                if verb == "seal":
                    want = hashlib.sha256(data[:start]).hexdigest()
                    if kv["sha256"] != want:
                        raise Invalid("封账 sha256 does not match the preceding bytes")
                    sealed_through = date
                    continue
                if verb == "project":
                    p = pos[0]
                    if not p or "=" in p or " " in p:
                        raise Invalid(f"bad project ID {p!r}")
                    if p in projects:
                        raise Invalid(f"project {p} declared twice")
                    projects[p] = len(projects)
                    if "plan" in kv:
                        check_plan(kv["plan"])
                    continue
                p = pos[0]
                if p not in projects:
                    raise Invalid(f"project {p} not declared before use")
                if verb == "plan":
                    check_plan(pos[1])
                    continue
                y = int(date[:4])
                if verb == "contract":
                    cid = pos[1]
                    amt = parse_amount(pos[2])
                    if cid in contracts:
                        raise Invalid(f"contract {cid} declared twice")
                    if "due" in kv:
                        check_date(kv["due"])
                    contracts[cid] = [p, amt, 0]
                    continue
                amt = parse_amount(pos[1])
                s_ = st(p, y)
                if verb == "allot":
                    if kv.get("kind", "年初") not in ("年初", "追加", "initial", "supplement"):
                        raise Invalid(f"bad 类别 {kv['kind']!r}")
                    s_[1] += amt
                elif verb == "reduce":
                    s_[2] += amt
                    if s_[0] + s_[1] - s_[2] < s_[3]:
                        raise Invalid("调减 drops the budget below what is paid")
                elif verb == "pay":
                    s_[3] += amt
                    c = kv.get("contract")
                    if c is not None:
                        rec = contracts.get(c)
                        if rec is None:
                            raise Invalid(f"unknown contract {c}")
                        if rec[0] != p:
                            raise Invalid(f"contract {c} belongs to project {rec[0]}")
                        rec[2] += amt
                        if rec[2] > rec[1]:
                            raise Invalid(f"contract {c} overpaid: {rec[2]} > {rec[1]} 分")
                    v = kv.get("voucher")
                    if v is not None:
                        if v in vouchers:
                            raise Invalid(f"voucher {v} used twice")
                        vouchers.add(v)
                        payments.setdefault(v, []).append([p, date, amt])
                elif verb == "reverse":
                    cands = payments.get(kv["of"], [])
                    if "of-date" in kv:
                        check_date(kv["of-date"])
                        cands = [c for c in cands if c[1] == kv["of-date"]]
                    if len(cands) != 1:
                        raise Invalid(f"原凭证 {kv['of']} names {len(cands)} earlier payments")
                    c = cands[0]
                    if c[0] != p:
                        raise Invalid(f"原凭证 {kv['of']} belongs to project {c[0]}")
                    if amt > c[2]:
                        raise Invalid(f"冲销 {amt} 分 exceeds what is left of {kv['of']} ({c[2]} 分)")
                    c[2] -= amt
                    s_[3] -= amt
                    v = kv.get("voucher")
                    if v is not None:
                        if v in vouchers:
                            raise Invalid(f"voucher {v} used twice")
                        vouchers.add(v)
                elif verb == "carry":
                    if date[5:] != "12-31":
                        raise Invalid("结转 must be dated 12-31")
                    s_[4] += amt
                    st(p, y + 1)[0] += amt
                elif verb == "lapse":
                    s_[5] += amt
                avail = s_[0] + s_[1] - s_[2] - s_[3] - s_[4] - s_[5]
                if avail < 0:
                    raise Invalid(f"超支: available of {p} in {y} would be {avail} 分")
                if min_avail is None or avail < min_avail:
                    min_avail = avail
            except Invalid as e:
                err(lineno, str(e))
    except StopIteration:
        pass

    # ---- summary -----------------------------------------------------------------------
    dt = time.perf_counter() - t0
    print(f"{path}: {entries} entries, {len(data) / 1e6:.1f} MB, {len(projects)} projects, "
          f"{len(contracts)} contracts, checked in {dt:.1f} s")
    print("  verbs: " + " ".join(f"{k}={v}" for k, v in verb_count.items()))
    years = sorted({y for (_, y) in state})
    for y in years:
        b = pd = co = la = left = n = 0
        for (p, yy), s_ in state.items():
            if yy != y:
                continue
            budget = s_[0] + s_[1] - s_[2]
            b += budget
            pd += s_[3]
            co += s_[4]
            la += s_[5]
            a = budget - s_[3] - s_[4] - s_[5]
            left += a
            if budget:
                n += 1
        rate = f"{pd * 100 / b:.2f}%" if b else "-"
        print(f"  {y}: {n} projects with budget, budget {b / 100:,.2f}, paid {pd / 100:,.2f} "
              f"({rate}), carried out {co / 100:,.2f}, lapsed {la / 100:,.2f}, "
              f"unresolved {left / 100:,.2f}")
    unpaid = sum(1 for c in contracts.values() if c[2] < c[1])
    print(f"  contracts fully paid: {len(contracts) - unpaid}, with unpaid balance: {unpaid}")

    if ledger and not errors:
        errors.extend(check_ledger(ledger, state, max_errors))

    if errors:
        print(f"INVALID: {len(errors)} error(s) (first {max_errors} at most):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all rules hold")
    return 0


def check_ledger(path, state, max_errors):
    """Balance every transaction and compare account totals with the journal's."""
    errors = []
    totals = {}
    amt_re = re.compile(r"^    (\S+)  (-?)(\d+)\.(\d\d) CNY$")
    tx_sum = None
    tx_line = 0
    ntx = 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith(";"):
                if tx_sum:
                    errors.append(f"{path}:{tx_line}: transaction does not balance ({tx_sum})")
                tx_sum = None
                continue
            if line[0].isdigit():
                if tx_sum:
                    errors.append(f"{path}:{tx_line}: transaction does not balance ({tx_sum})")
                check_date(line[:10])
                tx_sum, tx_line = 0, lineno
                ntx += 1
                continue
            m = amt_re.match(line)
            if not m or tx_sum is None:
                errors.append(f"{path}:{lineno}: unexpected line {line!r}")
            else:
                v = int(m.group(3)) * 100 + int(m.group(4))
                if m.group(2):
                    v = -v
                tx_sum += v
                totals[m.group(1)] = totals.get(m.group(1), 0) + v
            if len(errors) >= max_errors:
                return errors
    if tx_sum:
        errors.append(f"{path}:{tx_line}: transaction does not balance ({tx_sum})")

    want = {}
    def add(acct, v):
        if v:
            want[acct] = want.get(acct, 0) + v
    for (p, y), s_ in state.items():
        ci, al, rd, pd, co, la = s_
        add("income:appropriation", -(al - rd))
        add(f"expenses:{p}", pd)
        add(f"assets:carried:{p}", co)
        add("equity:lapsed", la)
        add(f"assets:budget:{p}", al - rd - pd - co - la)
    got = {k: v for k, v in totals.items() if v}
    for acct in sorted(set(want) | set(got)):
        if want.get(acct, 0) != got.get(acct, 0):
            errors.append(f"{path}: account {acct}: ledger {got.get(acct, 0)} 分, "
                          f"journal {want.get(acct, 0)} 分")
            if len(errors) >= max_errors:
                break
    print(f"{path}: {ntx} transactions, {len(got)} accounts with a balance; "
          + ("totals match the journal" if not errors else "MISMATCH"))
    return errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("journal")
    ap.add_argument("--ledger", help="also check the ledger twin written by --ledger")
    ap.add_argument("--max-errors", type=int, default=20)
    args = ap.parse_args(argv)
    return validate(args.journal, args.max_errors, args.ledger)


if __name__ == "__main__":
    sys.exit(main())
