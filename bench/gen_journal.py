#!/usr/bin/env python3
"""Generate a large, deterministic, *valid* fundflow journal for benchmarking.

    python3 bench/gen_journal.py --entries N [--projects P] [--seed S]
                                 [--start-year 2019] [--years 3]
                                 [--out FILE] [--ledger FILE] [--seal]

The journal follows SPEC.md section 1: one `设置` line, P `项目` lines, then per
fiscal year 下达 (年初/追加), 计划, 合同, 支付 (some settling contracts), 冲销,
调减, 收回 and, on 12-31, 结转 lines, all in non-decreasing date order.

Every rule of the spec is kept by construction: the generator tracks, per project
and year, available = carried_in + allotted - reduced - paid - carried_out - lapsed
in integer 分 and never lets it go negative; contracts are unique and never
overpaid; 冲销 names an earlier voucher of the same project and never exceeds what
is left of it; 结转 is dated 12-31 and never exceeds the available balance.
bench/validate_gen.py re-checks all of this independently.

--ledger FILE also writes the same money flows as a ledger/hledger journal.
--seal appends a `封账` line (SHA-256 of every preceding byte) after each year end.

Standard library only; money is integer 分 throughout, never floating point.
"""

import argparse
import datetime
import hashlib
import math
import random
import sys
import time

# --------------------------------------------------------------------------------------
# Static vocabulary

ORG = "某省医疗保障局"
DEFAULT_PLAN = "3月:25,6月:50,9月:75,12月:100"

UNITS = [
    ("0201", "局机关"),
    ("0202", "职工医保中心"),
    ("0203", "居民医保中心"),
    ("0204", "医保基金监管中心"),
    ("0205", "医疗保障事务中心"),
    ("0206", "医药价格和招标采购中心"),
]

# (name, 科目, tags, ID letters, memo category, size range in 元)
TEMPLATES = [
    ("人员经费", "2101501", "基本", "JBN", "staff", 2_000_000, 20_000_000),
    ("公用经费", "2101501", "基本", "JBN", "office", 300_000, 3_000_000),
    ("公务用车运行维护费", "2101502", "三公", "SGN", "car", 50_000, 400_000),
    ("公务接待费", "2101502", "三公", "SGN", "reception", 20_000, 150_000),
    ("医保信息化平台运维", "2101599", "采购,信息化", "XMN", "it", 1_000_000, 15_000_000),
    ("医保电子凭证推广应用", "2101599", "信息化", "XMN", "it", 300_000, 3_000_000),
    ("医疗保障基金监管专项", "2101599", "", "XMN", "generic", 500_000, 5_000_000),
    ("定点医药机构稽核检查", "2101599", "", "XMN", "generic", 200_000, 2_000_000),
    ("异地就医直接结算服务", "2101599", "", "XMN", "generic", 300_000, 4_000_000),
    ("DRG/DIP 支付方式改革", "2101599", "", "XMN", "generic", 500_000, 6_000_000),
    ("医保经办服务能力提升", "2101599", "", "XMN", "generic", 200_000, 3_000_000),
    ("药品和医用耗材集中带量采购", "2101599", "采购", "XMN", "generic", 300_000, 3_000_000),
    ("长期护理保险试点", "2101599", "", "XMN", "generic", 500_000, 8_000_000),
    ("医保政策宣传", "2101599", "", "XMN", "generic", 100_000, 1_000_000),
    ("档案数字化加工", "2101599", "采购", "XMN", "generic", 200_000, 2_000_000),
    ("办公设备购置", "2101502", "采购", "XMN", "office", 100_000, 1_500_000),
    ("城乡居民医保参保扩面", "2101599", "", "XMN", "generic", 200_000, 2_500_000),
    ("医疗救助经办", "2101599", "", "XMN", "generic", 300_000, 5_000_000),
    ("医保业务培训", "2101599", "", "XMN", "generic", 50_000, 600_000),
    ("第三方专业机构审核服务", "2101599", "采购", "XMN", "generic", 300_000, 4_000_000),
]

NAME_SUFFIXES = ["", "", "", "（一期）", "（二期）", "（市级）", "（县级）", "（{y}年度）"]

PLANS = [
    "3月:30,6月:50,10月:90,12月:100",
    "6月:40,9月:70,12月:100",
    "3月:20,6月:45,9月:75,12月:100",
    "6月底:50,12月底:100",
    "12月:100",
    "4月:25,8月:60,11月:90,12月:100",
]

CITIES = ["河北", "石家庄", "保定", "唐山", "邯郸", "廊坊", "沧州", "北京", "天津", "山东"]
BRANDS = ["东软", "万达", "华宇", "银海", "创智", "联众", "国新", "久远", "卫宁", "易联众",
          "金税", "汇智", "博思", "中科", "浪潮", "太极", "神州", "启明", "长城", "恒信"]
SUFFIXES = ["信息技术有限公司", "科技股份有限公司", "软件有限公司", "物业服务有限公司",
            "印务有限公司", "会计师事务所有限公司", "咨询服务有限公司", "网络科技有限公司",
            "文化传媒有限公司", "数据服务有限公司"]

PAYEES_BY_CAT = {
    "staff": ["本单位职工", "某省社会保险事业服务中心", "某省住房公积金管理中心", "国家税务总局某省税务局"],
    "car": ["中国石化销售股份有限公司河北石油分公司", "中国石油天然气股份有限公司河北销售分公司",
            "中国人民财产保险股份有限公司石家庄市分公司", "石家庄市汽车修理厂"],
    "reception": ["某省机关事务管理局接待中心", "河北会堂宾馆"],
}

MEMOS = {
    "staff": ["发放{m}月工资", "缴纳{m}月社会保险费", "缴纳{m}月住房公积金", "发放{m}月绩效工资",
              "代缴{m}月个人所得税"],
    "office": ["支付办公用品费", "支付{m}月水电费", "支付{m}月物业费", "差旅费报销", "支付邮电费",
               "支付印刷费", "支付会议费", "购置办公设备"],
    "car": ["车辆加油费", "车辆维修费", "车辆保险费", "过路过桥费"],
    "reception": ["公务接待费", "接待{m}月检查组用餐费"],
    "it": ["支付{m}月运维服务费", "支付系统开发款", "支付云资源租赁费", "支付等保测评费",
           "支付 {q}季度 运维费", "支付\"互联网+医保\"项目款"],
    "generic": ["支付{m}月服务费", "支付专项工作经费", "支付第三方服务费", "支付培训费",
                "支付宣传材料制作费", "支付 {q}季度 服务费", "支付专家评审费"],
}

CONTRACT_MEMOS = ["运维服务合同", "系统开发合同", "技术服务合同", "物业服务合同", "采购合同",
                  "审核服务合同", "印刷服务合同", "培训服务合同"]
CARRY_REASONS = ["项目未完工", "合同未到付款期", "政府采购未完成", "跨年度实施项目", "资金下达较晚"]
LAPSE_REASONS = ["结余资金收回", "指标收回", "项目已完成结余收回"]
REDUCE_MEMOS = ["预算调减", "压减一般性支出", "项目调整调减预算"]
SOURCES = ["一般公共预算", "中央转移支付", "政府性基金预算"]

MONTH_WEIGHT = [4, 6, 8, 8, 8, 9, 8, 8, 9, 10, 11, 16]  # payments accelerate toward December


def quote(value):
    """Quote a field value the way SPEC.md section 1 requires."""
    if any(c in value for c in ' \t="') or value == "":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}"


def wan(fen):
    s = f"{fen // 1_000_000}.{fen % 1_000_000:06d}".rstrip("0").rstrip(".")
    return s + "万"


def yuan_commas(fen):
    return f"{fen // 100:,}.{fen % 100:02d}元"


# --------------------------------------------------------------------------------------


class Writer:
    """Buffered binary writer; optionally hashes every byte for 封账 lines."""

    def __init__(self, path, hash_bytes=False):
        self.f = sys.stdout.buffer if path in (None, "-") else open(path, "wb")
        self.buf = []
        self.n = 0
        self.bytes = 0
        self.sha = hashlib.sha256() if hash_bytes else None

    def add(self, s):
        self.buf.append(s)
        self.n += 1
        if self.n >= 20000:
            self.flush()

    def flush(self):
        if self.buf:
            data = "".join(self.buf).encode("utf-8")
            if self.sha is not None:
                self.sha.update(data)
            self.f.write(data)
            self.bytes += len(data)
            self.buf = []
            self.n = 0

    def close(self):
        self.flush()
        if self.f is not sys.stdout.buffer:
            self.f.close()
        else:
            self.f.flush()


class Fanout:
    """The clean journal, its messy copy and the messy copy with five errors, written together.

    `add` writes a line to all three; `add2` writes the clean line to the clean journal and
    the messy one to the other two; `error` writes a line to the error copy only. Missing
    copies are NullWriters, so the clean journal is byte-identical with or without them.
    """

    def __init__(self, clean, mess, errors):
        self.clean, self.mess, self.errors = clean, mess, errors
        self.sha = clean.sha

    def add(self, s):
        self.clean.add(s)
        self.mess.add(s)
        self.errors.add(s)

    def add2(self, clean_line, mess_line):
        self.clean.add(clean_line)
        self.mess.add(mess_line)
        self.errors.add(mess_line)

    def error(self, s):
        self.errors.add(s)

    def flush(self):
        self.clean.flush()
        self.mess.flush()
        self.errors.flush()

    def close(self):
        for w in (self.clean, self.mess, self.errors):
            w.close()

    @property
    def bytes(self):
        return self.clean.bytes


class NullWriter:
    sha = None
    bytes = 0

    def add(self, s):
        pass

    def flush(self):
        pass

    def close(self):
        pass


def cum_weights(days, weight_of):
    cw, total = [], 0.0
    for d in days:
        total += weight_of(d)
        cw.append(total)
    return cw


def generate(args):
    rng = random.Random(args.seed)
    MRNG[0] = random.Random(args.seed * 7919 + 17)
    P = args.projects
    years = list(range(args.start_year, args.start_year + args.years))
    out = Fanout(Writer(args.out, hash_bytes=args.seal),
                 Writer(args.mess) if args.mess else NullWriter(),
                 Writer(args.errors) if args.errors else NullWriter())
    # The mess (voucher reuse, payments without voucher) has a random stream of its own
    # where it can, so the money flows stay those of the clean journal.
    # the five planted errors of the error copy, at these fractions of the entries
    error_plan = [(0.3, "overspend"), (0.5, "unknown-project"), (0.7, "sub-fen"),
                  (0.9, "allot-without-doc")]
    planted = []
    pays_of = [0] * args.projects
    led = Writer(args.ledger) if args.ledger else NullWriter()
    counts = {}

    def count(verb, k=1):
        counts[verb] = counts.get(verb, 0) + k

    # ---- header, settings, projects --------------------------------------------------
    first = f"{years[0]}-01-01"
    out.add(f"# fundflow benchmark journal: gen_journal.py --entries {args.entries} "
            f"--projects {P} --seed {args.seed}\n")
    out.add(f"{first} 设置 单位名称={ORG} 默认计划={DEFAULT_PLAN} 黄线=10 红线=20 "
            f"执行率目标=90 零支出天数=90\n")
    count("设置")
    if args.ledger:
        led.add(f"; ledger/hledger twin of the fundflow benchmark journal "
                f"(--entries {args.entries} --projects {P} --seed {args.seed})\n\n")

    width = max(4, len(str(P)))
    pid = []       # project ID strings
    size = []      # planned yearly budget scale, 分
    cat = []       # memo category
    own_payees = []  # per project: list of quoted payee names
    unit_of = []     # per project: its unit's code (vouchers are numbered per unit)
    companies = [quote(c + b + s) for c in CITIES for b in BRANDS for s in SUFFIXES]
    rng.shuffle(companies)
    for i in range(P):
        t = TEMPLATES[rng.randrange(len(TEMPLATES))]
        name, code, tags, letters, mcat, lo, hi = t
        unit_code, unit = UNITS[rng.randrange(len(UNITS))]
        if letters == "JBN":
            unit_code, unit = UNITS[i % len(UNITS)]
        ident = f"450-{unit_code}-{letters}-{i + 1:0{width}d}"
        suffix = NAME_SUFFIXES[rng.randrange(len(NAME_SUFFIXES))].format(y=years[0])
        line = [first, "项目", ident, quote(name + suffix), "单位=" + unit, "科目=" + code]
        if rng.random() < 0.4:
            line.append("计划=" + PLANS[rng.randrange(len(PLANS))])
        if tags and (letters in ("JBN", "SGN") or rng.random() < 0.7):
            line.append("标签=" + tags)
        out.add(" ".join(line) + "\n")
        count("项目")
        pid.append(ident)
        unit_of.append(unit_code)
        s = int(math.exp(rng.uniform(math.log(lo), math.log(hi)))) * 100
        size.append(s)
        cat.append(mcat)
        if mcat in PAYEES_BY_CAT:
            own_payees.append([quote(x) for x in PAYEES_BY_CAT[mcat]])
        else:
            k = rng.randrange(len(companies) - 3)
            own_payees.append(companies[k:k + 3])

    # memo tables: MEMO_T[cat][month] -> list of already-quoted memos
    MEMO_T = {}
    for c, lst in MEMOS.items():
        MEMO_T[c] = [None] + [[quote(m.format(m=mo, q="一二三四"[(mo - 1) // 3])) for m in lst]
                              for mo in range(1, 13)]
    q_contract_memos = [quote(x) for x in CONTRACT_MEMOS]

    # ---- per-project state --------------------------------------------------------------
    avail = [0] * P          # available balance of the current year, 分
    carry_in = [0] * P       # carried into the current year
    funded = []              # projects that hold money this year (list, no duplicates)
    is_funded = [False] * P
    open_contracts = [[] for _ in range(P)]  # contract indices with unpaid balance
    c_id, c_amount, c_paid, c_party, c_proj = [], [], [], [], []

    header_lines = 2 + P
    remaining = max(0, args.entries - header_lines)
    per_year = [remaining // len(years)] * len(years)
    per_year[-1] += remaining - sum(per_year)

    deficit = 0          # entries a year fell short of its quota, added to the next year
    year_end_lines = None
    for yi, Y in enumerate(years):
        Q = per_year[yi] + deficit
        emitted_before = sum(counts.values())
        ys = str(Y)
        start = datetime.date(Y, 1, 1)
        ndays = (datetime.date(Y + 1, 1, 1) - start).days
        days = [start + datetime.timedelta(i) for i in range(ndays)]
        dstr = [d.isoformat() for d in days]
        mstr = [f"{d.month:02d}" for d in days]
        month = [d.month for d in days]
        work = [1.0 if d.weekday() < 5 else 0.0 for d in days]
        idx = list(range(ndays))

        # this year's funded set starts with the projects that carry money in
        funded = []
        is_funded = [False] * P
        for p in range(P):
            avail[p] = carry_in[p]
            if carry_in[p] > 0:
                funded.append(p)
                is_funded[p] = True

        # ---- how many entries of each kind -------------------------------------------------
        A = min(P, max(1, Q // 8))                       # projects with a 年初 appropriation
        # 结转 / 收回 lines on 12-31: as many as last year, else a guess
        est_year_end = year_end_lines if year_end_lines is not None else int(0.6 * A)
        rest = max(0, Q - A - est_year_end)
        n_supp = int(rest * 0.02)
        n_contract = int(rest * 0.035)
        n_plan = min(P, int(rest * 0.002)) if yi > 0 else 0
        n_rev = int(rest * 0.01)
        n_reduce = int(rest * 0.002)
        n_lapse = int(rest * 0.002)
        n_pay = max(0, rest - n_supp - n_contract - n_plan - n_rev - n_reduce - n_lapse)
        pays_per_project = max(1.0, n_pay / max(1, A))
        contracts_per_project = max(1, round(n_contract / max(1, A)))

        active = rng.sample(range(P), A)
        initial_queue = active[:]   # consumed in date order

        # ---- schedule: one sortable int per event: day << 24 | random << 4 | kind ------
        K_INIT, K_SUPP, K_CONTRACT, K_PLAN, K_PAY, K_REV, K_REDUCE, K_LAPSE = range(8)
        windows = {
            K_INIT: (A, lambda d: work[d] * (3.0 if month[d] == 1 else 1.5 if month[d] == 2
                                             else 0.7 if month[d] == 3 else 0.0) if d > 0 else 0.0),
            K_SUPP: (n_supp, lambda d: work[d] if 3 <= month[d] <= 11 else 0.0),
            K_CONTRACT: (n_contract, lambda d: work[d] if d >= 14 and month[d] <= 10 else 0.0),
            K_PLAN: (n_plan, lambda d: work[d] if month[d] <= 2 and d > 0 else 0.0),
            K_PAY: (n_pay, lambda d: work[d] * MONTH_WEIGHT[month[d] - 1]),
            K_REV: (n_rev, lambda d: work[d] if month[d] >= 2 else 0.0),
            K_REDUCE: (n_reduce, lambda d: work[d] if 6 <= month[d] <= 11 else 0.0),
            K_LAPSE: (n_lapse, lambda d: work[d] if month[d] >= 9 and d < ndays - 1 else 0.0),
        }
        events = []
        for kind, (n, wfun) in windows.items():
            if n <= 0:
                continue
            chosen = rng.choices(idx, cum_weights=cum_weights(idx, wfun), k=n)
            rb = rng.getrandbits
            events.extend((d << 24) | (rb(20) << 4) | kind for d in chosen)
        events.sort()

        vseq = 0          # voucher sequence of the year (vouchers are unique)
        docseq = 0        # 文号 sequence of the year
        ring = [None] * 4096   # recent payments: [voucher, project, left, date, messy voucher]
        voucher_pool = {}      # (unit, month) -> vouchers already used there (the mess)
        rpos = 0
        cseq = len(c_id)

        def fund(p):
            if not is_funded[p]:
                is_funded[p] = True
                funded.append(p)

        rand = rng.random
        randrange = rng.randrange

        for ev in events:
            kind = ev & 15
            d = ev >> 24
            ds = dstr[d]
            if kind == K_PAY:
                nf = len(funded)
                if nf == 0:
                    continue
                for _ in range(4):
                    p = funded[randrange(nf)]
                    if avail[p] > 0:
                        break
                else:
                    continue
                a = avail[p]
                amt = int(size[p] * 0.93 / pays_per_project * (0.2 + 1.6 * rand()))
                if rand() < 0.5:
                    amt -= amt % 100
                cref = ""
                oc = open_contracts[p]
                if oc and rand() < 0.3:
                    c = oc[0]
                    left = c_amount[c] - c_paid[c]
                    if rand() < 0.4:
                        amt = left
                    amt = min(amt, left, a)
                    if amt <= 0:
                        amt = min(left, a)
                    c_paid[c] += amt
                    if c_paid[c] == c_amount[c]:
                        oc.pop(0)
                    cref = " 合同=" + c_id[c]
                    payee = c_party[c]
                else:
                    if amt > a:
                        # short of money: pay what is left, or a part of it
                        amt = a if rand() < 0.2 else max(1, a * rng.randint(20, 70) // 100)
                    if amt <= 0:
                        amt = min(a, 10000)
                    pp = own_payees[p]
                    payee = pp[randrange(len(pp))]
                avail[p] = a - amt
                vseq += 1
                v = f"记-{ys}-{mstr[d]}-{vseq:06d}"
                mv = messy_voucher(voucher_pool, (unit_of[p], month[d]), v)
                memos = MEMO_T[cat[p]][month[d]]
                r = rand()
                amt_s = yuan(amt) if r < 0.975 else (wan(amt) if r < 0.995 else yuan_commas(amt))
                rest = f"收款人={payee}{cref} 摘要={memos[randrange(len(memos))]}\n"
                head = f"{ds} 支付 {pid[p]} {amt_s} "
                out.add2(head + f"凭证={v} " + rest, head + (f"凭证={mv} " if mv else "") + rest)
                pays_of[p] += 1
                if args.errors:
                    plant_errors(out, planted, error_plan, sum(counts.values()) / args.entries,
                                 Y, d, ds, dstr, p, pid, avail, payee)
                ring[rpos] = [v, p, amt, ds, mv]
                rpos = (rpos + 1) & 4095
                count("支付")
                if args.ledger:
                    a_s = yuan(amt)
                    led.add(f"{ds} ({v}) 支付 {payee.strip(chr(34))}\n"
                            f"    expenses:{pid[p]}  {a_s} CNY\n"
                            f"    assets:budget:{pid[p]}  -{a_s} CNY\n\n")

            elif kind == K_INIT or kind == K_SUPP:
                if kind == K_INIT:
                    if not initial_queue:
                        continue
                    p = initial_queue.pop()
                    amt = size[p] * rng.randint(80, 100) // 100
                    kname = "年初"
                else:
                    p = active[randrange(A)] if rand() < 0.8 else randrange(P)
                    amt = size[p] * rng.randint(5, 30) // 100
                    kname = "追加"
                amt -= amt % 10000          # whole hundreds of 元
                if amt <= 0:
                    amt = 1_000_000
                fund(p)
                avail[p] += amt
                docseq += 1
                doc = f"冀财社[{Y}]{docseq}号" if kind == K_INIT else f"冀医保财[{Y}]{docseq}号"
                amt_s = wan(amt) if rand() < 0.5 else yuan(amt)
                src = f" 来源={SOURCES[randrange(3)]}" if rand() < 0.5 else ""
                out.add(f"{ds} 下达 {pid[p]} {amt_s} 文号={doc} 类别={kname}{src}\n")
                count("下达")
                if args.ledger:
                    a_s = yuan(amt)
                    led.add(f"{ds} 下达 {doc}\n"
                            f"    assets:budget:{pid[p]}  {a_s} CNY\n"
                            f"    income:appropriation  -{a_s} CNY\n\n")

            elif kind == K_CONTRACT:
                if not funded:
                    continue
                p = funded[randrange(len(funded))]
                amt = size[p] * rng.randint(20, 100) // (100 * contracts_per_project)
                if rand() < 0.7:
                    amt -= amt % 100
                if amt <= 0:
                    continue
                cseq += 1
                cid = f"HT-{Y}-{cseq:06d}"
                party = companies[randrange(len(companies))]
                due = days[min(ndays - 1, d + rng.randint(30, 300))].isoformat()
                if rand() < 0.2:
                    due = f"{Y + 1}-06-30"
                c_id.append(cid)
                c_amount.append(amt)
                c_paid.append(0)
                c_party.append(party)
                c_proj.append(p)
                open_contracts[p].append(len(c_id) - 1)
                out.add(f"{ds} 合同 {pid[p]} {cid} {yuan(amt)} 对方={party} 期限={due} "
                        f"摘要={q_contract_memos[randrange(len(q_contract_memos))]}\n")
                count("合同")

            elif kind == K_REV:
                for _ in range(4):
                    e = ring[randrange(4096)]
                    if e is not None and e[2] > 0 and e[4] is not None:
                        break
                else:
                    continue
                v0, p, left, d0, mv0 = e
                amt = left if rand() < 0.4 else max(1, left * rng.randint(5, 90) // 100)
                e[2] = left - amt
                avail[p] += amt
                vseq += 1
                v = f"记-{ys}-{mstr[d]}-{vseq:06d}"
                of_date = f" 原日期={d0}" if rand() < 0.3 else ""
                memo = f" 凭证={v} 摘要=冲销{d0}多付款项\n"
                # in the mess a voucher names several payments: 原日期 always says which
                out.add2(f"{ds} 冲销 {pid[p]} {yuan(amt)} 原凭证={v0}{of_date}{memo}",
                         f"{ds} 冲销 {pid[p]} {yuan(amt)} 原凭证={mv0} 原日期={d0}{memo}")
                count("冲销")
                if args.ledger:
                    a_s = yuan(amt)
                    led.add(f"{ds} ({v}) 冲销 {v0}\n"
                            f"    assets:budget:{pid[p]}  {a_s} CNY\n"
                            f"    expenses:{pid[p]}  -{a_s} CNY\n\n")

            elif kind == K_REDUCE or kind == K_LAPSE:
                if not funded:
                    continue
                p = funded[randrange(len(funded))]
                a = avail[p]
                amt = a * rng.randint(10, 50) // 100
                amt -= amt % 10000
                if amt <= 0:
                    continue
                avail[p] = a - amt
                docseq += 1
                if kind == K_REDUCE:
                    out.add(f"{ds} 调减 {pid[p]} {yuan(amt)} 文号=冀财社[{Y}]{docseq}号 "
                            f"摘要={REDUCE_MEMOS[randrange(len(REDUCE_MEMOS))]}\n")
                    count("调减")
                    if args.ledger:
                        a_s = yuan(amt)
                        led.add(f"{ds} 调减 冀财社[{Y}]{docseq}号\n"
                                f"    income:appropriation  {a_s} CNY\n"
                                f"    assets:budget:{pid[p]}  -{a_s} CNY\n\n")
                else:
                    out.add(f"{ds} 收回 {pid[p]} {yuan(amt)} 文号=冀财社[{Y}]{docseq}号 "
                            f"原因=指标收回\n")
                    count("收回")
                    if args.ledger:
                        a_s = yuan(amt)
                        led.add(f"{ds} 收回 冀财社[{Y}]{docseq}号\n"
                                f"    equity:lapsed  {a_s} CNY\n"
                                f"    assets:budget:{pid[p]}  -{a_s} CNY\n\n")

            elif kind == K_PLAN:
                p = randrange(P)
                out.add(f"{ds} 计划 {pid[p]} {PLANS[randrange(len(PLANS))]}\n")
                count("计划")

        # ---- year end: 结转 / 收回 on 12-31 ---------------------------------------------------
        ye = f"{Y}-12-31"
        new_carry = [0] * P
        before_year_end = sum(counts.values())
        for p in sorted(funded):
            a = avail[p]
            if a <= 0:
                continue
            r = rand()
            carry = lapse = 0
            if r < 0.35:
                carry = a
            elif r < 0.70:
                carry = max(1, a * rng.randint(30, 95) // 100)
                if rand() < 0.5:
                    lapse = a - carry
            elif r < 0.95:
                lapse = a
            if carry:
                out.add(f"{ye} 结转 {pid[p]} {yuan(carry)} "
                        f"原因={CARRY_REASONS[randrange(len(CARRY_REASONS))]}\n")
                count("结转")
                new_carry[p] = carry
                if args.ledger:
                    a_s = yuan(carry)
                    led.add(f"{ye} 结转 {pid[p]}\n"
                            f"    assets:carried:{pid[p]}  {a_s} CNY\n"
                            f"    assets:budget:{pid[p]}  -{a_s} CNY\n\n")
            if lapse:
                docseq += 1
                out.add(f"{ye} 收回 {pid[p]} {yuan(lapse)} 文号=冀财社[{Y}]{docseq}号 "
                        f"原因={LAPSE_REASONS[randrange(len(LAPSE_REASONS))]}\n")
                count("收回")
                if args.ledger:
                    a_s = yuan(lapse)
                    led.add(f"{ye} 收回 冀财社[{Y}]{docseq}号\n"
                            f"    equity:lapsed  {a_s} CNY\n"
                            f"    assets:budget:{pid[p]}  -{a_s} CNY\n\n")
            avail[p] = a - carry - lapse
        carry_in = new_carry
        year_end_lines = sum(counts.values()) - before_year_end
        deficit = max(0, Q - (sum(counts.values()) - emitted_before))

        if args.seal:
            out.flush()
            out.add(f"{ye} 封账 sha256={out.sha.hexdigest()}\n")
            count("封账")

    out.close()
    led.close()
    if args.errors and len(planted) != 5:
        sys.exit(f"gen_journal: only {len(planted)} of 5 errors planted ({planted}); use more entries")
    if args.meta:
        write_meta(args.meta, pid, pays_of, avail, years, planted)
    return counts, out.bytes, (led.bytes if args.ledger else 0)


def messy_voucher(pool, key, fresh):
    """The voucher a payment carries in the mess: usually one already used in its unit and
    month (one 记账凭证 covering several payments: a duplicate-voucher warning), now and
    then none at all (a pay-without-voucher warning), else its own fresh number."""
    used = pool.setdefault(key, [])
    r = MRNG[0].random()
    if r < 0.003:
        return None
    if used and r < 0.72:
        return used[-1 - MRNG[0].randrange(min(len(used), 6))]
    used.append(fresh)
    return fresh


MRNG = [None]


def plant_errors(out, planted, plan, done, Y, d, ds, dstr, p, pid, avail, payee):
    """Write the next planted error into the error copy once its place is reached. Each is
    an extra line that the checker rejects, so nothing after it changes (no cascade)."""
    kinds = {k for _, k in planted}
    if "impossible-date" not in kinds and dstr[d] >= f"{Y}-03-01":
        out.error(f"{Y}-02-30 支付 {pid[p]} 100.00 凭证=记-{Y}-02-E00001 收款人={payee} "
                  f"摘要=日期不存在的支付\n")
        planted.append((ds, "impossible-date"))
        return
    for fraction, kind in plan:
        if kind in kinds or done < fraction:
            continue
        if kind == "overspend":
            line = (f"{ds} 支付 {pid[p]} {yuan(avail[p] + 100_000_000)} 凭证=记-{Y}-E00002 "
                    f"收款人={payee} 摘要=超出可用额度的支付")
        elif kind == "unknown-project":
            line = (f"{ds} 支付 450-0299-XMN-9999 1200.00 凭证=记-{Y}-E00003 收款人={payee} "
                    f"摘要=未登记项目的支付")
        elif kind == "sub-fen":
            line = f"{ds} 支付 {pid[p]} 1.2345678万 凭证=记-{Y}-E00004 收款人={payee} 摘要=金额不足一分"
        else:
            line = f"{ds} 下达 {pid[p]} 50万 类别=追加 摘要=缺文号的下达"
        out.error(line + "\n")
        planted.append((ds, kind))
        return


def write_meta(path, pid, pays_of, avail, years, planted):
    """Facts compare.sh needs: the busiest project (for register), a project with money
    left at the end (for pay), the last date, and where the errors were planted."""
    busiest = max(range(len(pid)), key=lambda i: (pays_of[i], -i))
    payable = [i for i in range(len(pid)) if avail[i] >= 100]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"register_project={pid[busiest]}\n")
        f.write(f"register_payments={pays_of[busiest]}\n")
        f.write(f"pay_project={pid[payable[0]] if payable else pid[0]}\n")
        f.write(f"pay_date={years[-1]}-12-31\n")
        f.write("pay_amount=1.00\n")
        for ds, kind in planted:
            f.write(f"error={ds} {kind}\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a valid fundflow benchmark journal.")
    ap.add_argument("--entries", type=int, required=True, help="approximate number of entry lines")
    ap.add_argument("--projects", type=int, default=2000, help="number of projects (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--start-year", type=int, default=2019, help="first fiscal year (default 2019)")
    ap.add_argument("--years", type=int, default=3, help="number of fiscal years (default 3)")
    ap.add_argument("--out", default="-", help="output journal (default: standard output)")
    ap.add_argument("--ledger", help="also write a ledger/hledger journal of the same flows")
    ap.add_argument("--mess", help="also write the journal with realistic mess: most payments "
                    "reuse a voucher of their unit and month, a few carry none (warnings only)")
    ap.add_argument("--errors", help="also write the messy journal with five errors planted in it "
                    "(overspend, unknown project, sub-分 amount, impossible date, 下达 without 文号)")
    ap.add_argument("--meta", help="write facts for compare.sh (register/pay project, planted errors)")
    ap.add_argument("--seal", action="store_true", help="append a 封账 line after each year end")
    ap.add_argument("--quiet", action="store_true", help="no summary on standard error")
    args = ap.parse_args(argv)
    if args.entries < 1 or args.projects < 1 or args.years < 1:
        ap.error("--entries, --projects and --years must be positive")
    if args.seal and (args.mess or args.errors):
        ap.error("--seal cannot be combined with --mess/--errors (their seals would not match)")
    if not 1900 <= args.start_year <= 9000:
        ap.error("--start-year out of range")

    t0 = time.perf_counter()
    counts, nbytes, lbytes = generate(args)
    dt = time.perf_counter() - t0
    if not args.quiet:
        total = sum(counts.values())
        detail = " ".join(f"{k}={v}" for k, v in counts.items())
        msg = (f"gen_journal: {total} entries ({detail}), {nbytes / 1e6:.1f} MB"
               + (f", ledger {lbytes / 1e6:.1f} MB" if args.ledger else "")
               + f", {dt:.2f} s\n")
        sys.stderr.write(msg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
