import Ledger
import Monitor

/// The help texts, in Chinese: `fundflow --help` (the overview), and `fundflow help 命令` /
/// `fundflow 命令 --help` for every command — usage, every argument and option explained,
/// and real examples on the shipped journal `journals/chengde-2019.journal` (the test suite
/// runs every example that names a shipped journal, so they stay true).
///
/// The same table drives the bash completion (commands and their options) and the
/// did-you-mean of mistyped commands.
enum Help {
    static let version = "fundflow 0.1.0"

    /// One command's help.
    struct Topic {
        /// The English command word.
        var name: String
        /// The Chinese command word, if any.
        var alias: String?
        /// What the command does, in a few words (the overview's list).
        var summary: String
        var usage: [String]
        /// Paragraphs under the usage.
        var about: String
        var arguments: [(String, String)] = []
        var options: [(String, String)] = []
        /// Example lines: `fundflow …` commands, or `# …` comments about the next command.
        var examples: [String]
        /// A closing paragraph.
        var notes: String? = nil
        /// Option names as the command line spells them (`doc`, `o`), for completion.
        var optionNames: [String] = []

        var words: [String] { [name] + (alias.map { [$0] } ?? []) }
    }

    enum Group: String, CaseIterable {
        case recording = "记账（每条命令校验后追加恰好一行；不合规则不写入）"
        case reading = "检查与报表"
        case interchange = "导入、导出与新建"
        case shell = "其他"
    }

    static let chengde = "-f journals/chengde-2019.journal"

    /// Every command, in the overview's order.
    static let topics: [(Group, Topic)] = [
        (
            .recording,
            Topic(
                name: "project", alias: "项目", summary: "声明项目（预算项目）",
                usage: ["fundflow project 编号 名称 [--unit 单位] [--code 科目] [--econ 经济科目] [--fund 资金性质] [--plan 计划] [--tags 标签] [--date 日期]"],
                about: """
                    声明一个项目（一条预算指标）。项目要先声明，之后的下达、支付等分录才能引用它；
                    每个编号只能声明一次。
                    """,
                arguments: [
                    ("编号", "不含空格和“=”的记号，如 P01、450-0201-JBN-RVU2"),
                    ("名称", "项目全称；含空格时用引号括起"),
                ],
                options: [
                    ("--unit 单位", "所属单位（科室、中心），报表按单位分组小计"),
                    ("--code 科目", "支出功能分类科目编码：3 位（类）、5 位（款）或 7 位（项）数字，如 2101599"),
                    ("--econ 经济科目", "支出经济分类科目编码：3 位（类）或 5 位（款），如 30217 公务接待费；\n是本项目支付的默认经济分类（单笔支付可用 pay --econ 另写）"),
                    ("--fund 资金性质", "一般公共预算（默认）、政府性基金、国有资本经营、财政专户、上级补助、\n事业收入、经营收入、附属单位上缴、其他收入（或英文 general、government-fund …）"),
                    ("--plan 计划", "资金支出计划，如 3月:30,6月:50,10月:90,12月:100：到该月底累计支出\n应达本年预算的百分比；不写则用设置中的默认计划，再不写为 12月:100（序时进度）"),
                    ("--tags 标签", "逗号分隔：基本（基本支出）、三公（三公经费）、采购（政府采购），\n用于部门整体绩效指标和部门决算"),
                    ("--date 日期", "声明日期 YYYY-MM-DD，默认今天"),
                ],
                examples: [
                    "fundflow \(chengde) project P10 \"医保基金监管信息化建设\" --unit 局机关 --code 2101599 --econ 31007 --plan 6月:40,12月:100 --tags 采购 --date 2020-01-02",
                    "fundflow \(chengde) project P11 公务接待费 --unit 局机关 --code 2101501 --econ 30217 --fund 一般公共预算 --tags 基本,三公 --date 2020-01-02",
                ],
                optionNames: ["unit", "code", "econ", "fund", "plan", "tags", "date"])
        ),
        (
            .recording,
            Topic(
                name: "allot", alias: "下达", summary: "预算下达（指标到位）",
                usage: ["fundflow allot 项目 金额 --doc 文号 [--kind 年初|追加] [--source 来源] [--memo 摘要] [--date 日期]"],
                about: "记一笔预算下达：项目本年预算增加。",
                arguments: [("项目", "项目编号（须已声明）"), ("金额", amountNote)],
                options: [
                    ("--doc 文号", "必填。下达指标的文件文号，如 承财社[2019]107号"),
                    ("--kind 年初|追加", "年初预算（默认）或年中追加；追加计入预算调整率"),
                    ("--source 来源", "资金来源或上级文号，如 冀财社[2019]30号"),
                    ("--memo 摘要", "用途说明"),
                    ("--date 日期", "下达日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) allot P02 5万 --doc 承财社[2020]21号 --kind 追加 --memo 基金监管专项追加 --date 2020-03-02"],
                optionNames: ["doc", "kind", "source", "memo", "date"])
        ),
        (
            .recording,
            Topic(
                name: "reduce", alias: "调减", summary: "预算调减",
                usage: ["fundflow reduce 项目 金额 --doc 文号 [--memo 摘要] [--date 日期]"],
                about: "记一笔预算调减：项目本年预算减少。调减后的预算不得低于已支付的金额，否则拒绝。",
                arguments: [("项目", "项目编号"), ("金额", amountNote)],
                options: [
                    ("--doc 文号", "必填。调减指标的文件文号"),
                    ("--memo 摘要", "调减原因"),
                    ("--date 日期", "调减日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) reduce P08 2万 --doc 承财社[2020]35号 --memo 项目预算调减 --date 2020-04-01"],
                optionNames: ["doc", "memo", "date"])
        ),
        (
            .recording,
            Topic(
                name: "pay", alias: "支付", summary: "支付",
                usage: ["fundflow pay 项目 金额 [--voucher 凭证] [--payee 收款人] [--contract 合同] [--econ 经济科目] [--memo 摘要] [--date 日期]"],
                about: """
                    从项目本年可用余额中支出一笔。超过支付当日的可用余额（超支）、所写合同不存在或属于
                    别的项目、付款超过合同未付余额，都会被拒绝。
                    """,
                arguments: [("项目", "项目编号"), ("金额", amountNote)],
                options: [
                    ("--voucher 凭证", "记账凭证号，如 记-2019-05-004；冲销时凭它找到这笔支付"),
                    ("--payee 收款人", "收款单位或个人"),
                    ("--contract 合同", "所付合同的编号（先用 contract 登记），计入该合同已付"),
                    ("--econ 经济科目", "这笔支付的经济分类（3 或 5 位），不写则用项目的，如 31013 公务用车购置"),
                    ("--memo 摘要", "用途说明"),
                    ("--date 日期", "支付日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) pay P08 18万 --contract HT-2019-08 --voucher 记-2020-05-003 --payee 软件开发公司 --memo 扫码支付系统验收款 --date 2020-05-20"],
                optionNames: ["voucher", "payee", "contract", "econ", "memo", "date"])
        ),
        (
            .recording,
            Topic(
                name: "contract", alias: "合同", summary: "登记合同（应付义务）",
                usage: ["fundflow contract 项目 合同编号 金额 [--party 对方] [--due 期限] [--memo 摘要] [--date 日期]"],
                about: """
                    登记一份已签订的合同。之后写明 --contract 的支付冲抵该合同；未付的部分在报表中列为
                    “应付未付”，过了期限仍未付清会预警。合同编号在整本日记账中唯一；登记合同不动用资金。
                    """,
                arguments: [("项目", "项目编号"), ("合同编号", "不含空格的编号，如 HT-2019-05"), ("金额", "合同总金额；" + amountNote)],
                options: [
                    ("--party 对方", "合同相对方（供应商、服务商）"),
                    ("--due 期限", "应付清的日期 YYYY-MM-DD"),
                    ("--memo 摘要", "合同内容"),
                    ("--date 日期", "签订日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) contract P02 HT-2020-02 6万 --party 某检查服务机构 --due 2020-09-30 --memo 专项检查服务 --date 2020-03-10"],
                optionNames: ["party", "due", "memo", "date"])
        ),
        (
            .recording,
            Topic(
                name: "reverse", alias: "冲销", summary: "红字冲销一笔支付",
                usage: ["fundflow reverse 项目 金额 --of 原凭证 [--of-date 原日期] [--voucher 凭证] [--memo 摘要] [--date 日期]"],
                about: """
                    红字冲销本项目此前的一笔支付（退款、多付、记错）。原分录保留不动，已支付减少冲销的
                    金额；冲销金额不得超过原支付尚未冲销的部分。封账以后的更正也用冲销。
                    """,
                arguments: [("项目", "项目编号（与原支付相同）"), ("金额", "冲销的金额；" + amountNote)],
                options: [
                    ("--of 原凭证", "必填。原支付的凭证号"),
                    ("--of-date 原日期", "同一凭证号下有几笔支付时，用原支付日期指明是哪一笔"),
                    ("--voucher 凭证", "本次冲销的凭证号"),
                    ("--memo 摘要", "冲销原因"),
                    ("--date 日期", "冲销日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) reverse P04 0.3万 --of 记-2019-11-008 --voucher 记-2019-11-015 --memo 退回多报销的办公费 --date 2019-11-25"],
                optionNames: ["of", "of-date", "voucher", "memo", "date"])
        ),
        (
            .recording,
            Topic(
                name: "carry", alias: "结转", summary: "年末结转到下一年",
                usage: ["fundflow carry 项目 (金额 | --all) [--reason 原因] --year 年度"],
                about: """
                    年末结转：把该年度未用完的余额转入下一年度预算（“上年结转”）。分录记在该年 12 月 31 日；
                    金额不得超过当日的可用余额。--all 在锁内按当时的可用余额精确结转，不必自己计算。
                    """,
                arguments: [("项目", "项目编号"), ("金额", "结转的金额（或用 --all）；" + amountNote)],
                options: [
                    ("--year 年度", "必填。结转哪一年的余额，如 2019（记在 2019-12-31）"),
                    ("--all", "结转全部可用余额，代替金额"),
                    ("--reason 原因", "结转原因，列入年终结转结余表"),
                ],
                examples: ["fundflow \(chengde) carry P02 --all --year 2020 --reason 专项检查跨年继续开展"],
                optionNames: ["year", "all", "reason"])
        ),
        (
            .recording,
            Topic(
                name: "lapse", alias: "收回", summary: "结余收回（交回财政）",
                usage: ["fundflow lapse 项目 (金额 | --all) [--doc 文号] [--reason 原因] [--date 日期]"],
                about: "未用的资金交回财政（结余收回、指标收回）。不改变本年预算，只减少可用余额。",
                arguments: [("项目", "项目编号"), ("金额", "收回的金额（或用 --all）；" + amountNote)],
                options: [
                    ("--all", "收回当日全部可用余额，代替金额"),
                    ("--doc 文号", "收回文件的文号"),
                    ("--reason 原因", "收回原因，列入年终结转结余表"),
                    ("--date 日期", "收回日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) lapse P08 --all --doc 承财社[2021]3号 --reason 项目完成结余收回 --date 2020-12-31"],
                optionNames: ["all", "doc", "reason", "date"])
        ),
        (
            .recording,
            Topic(
                name: "plan", alias: "计划", summary: "更改资金支出计划",
                usage: ["fundflow plan 项目 计划 [--date 日期]"],
                about: """
                    更改项目在该日期所在年度的资金支出计划，自该日起代替声明时的计划。计划写成逗号分隔的
                    “M月:P”（也可写“M月底:P”）：到 M 月底累计支出应达本年预算的 P%；月份递增，百分比
                    不减，在 0 到 100 之间。进度预警按计划在月份之间线性插值。
                    """,
                arguments: [("项目", "项目编号"), ("计划", "如 3月:20,6月:50,10月:80,12月:100")],
                options: [("--date 日期", "生效日期 YYYY-MM-DD，默认今天")],
                examples: ["fundflow \(chengde) plan P02 3月:20,6月:50,10月:80,12月:100 --date 2020-01-01"],
                optionNames: ["date"])
        ),
        (
            .recording,
            Topic(
                name: "set", alias: "设置", summary: "日记账设置（单位名称、预警线……）",
                usage: ["fundflow set [--org 单位名称] [--default-plan 计划] [--warn-gap 10] [--alarm-gap 20] [--target-rate 90] [--idle-days 90] [--grace-days 30] [--timezone +08:00] [--date 日期]"],
                about: "写一行日记账设置（至少一项）。同一项设置写了多次时，以日记账中后面的为准。",
                options: [
                    ("--org 单位名称", "单位名称，印在报表标题上"),
                    ("--default-plan 计划", "未声明计划的项目所用的支出计划，默认 12月:100（序时进度）"),
                    ("--warn-gap 百分点", "落后计划多少个百分点算“滞后”（黄色），默认 10"),
                    ("--alarm-gap 百分点", "落后多少个百分点算“严重滞后”（红色），默认 20"),
                    ("--target-rate 百分比", "年末预算执行率目标，低于它预警，默认 90"),
                    ("--idle-days 天数", "资金到位多少天仍零支出即预警，默认 90"),
                    ("--grace-days 天数", "项目当年首笔资金到位后多少天内不按计划考核进度，默认 30"),
                    ("--timezone ±HH:MM", "确定“今天”的时区（相对 UTC 的时差），默认 +08:00（北京时间）"),
                    ("--date 日期", "设置日期 YYYY-MM-DD，默认今天"),
                ],
                examples: ["fundflow \(chengde) set --org 承德市医疗保障局 --warn-gap 10 --alarm-gap 20 --date 2020-01-01"],
                optionNames: ["org", "default-plan", "warn-gap", "alarm-gap", "target-rate", "idle-days", "grace-days", "timezone", "date"])
        ),
        (
            .recording,
            Topic(
                name: "seal", alias: "封账", summary: "封账（防篡改）",
                usage: ["fundflow seal --through 日期"],
                about: """
                    追加一行“日期 封账 sha256=…”，记下此前全部内容的 SHA-256。此后 check 会核对：已封账的
                    内容被改动即报错；日期在封账日及以前的新分录也会被拒绝（更正请用冲销）。
                    日记账有错误时不能封账；不能封未来的日期。
                    """,
                options: [("--through 日期", "必填。封账截至的日期 YYYY-MM-DD，该日及以前的账就此结清")],
                examples: ["fundflow \(chengde) seal --through 2019-12-31"],
                optionNames: ["through"])
        ),
        (
            .reading,
            Topic(
                name: "check", alias: "检查", summary: "检查整本日记账",
                usage: ["fundflow check [--all] [--format text|json] [--seal 校验码]…"],
                about: """
                    按日期顺序逐笔核对整本日记账：格式、未声明的项目、超支、合同、冲销、结转、封账校验等。
                    列出全部错误和警告，不会遇错即停；每条写明位置和改法，格式为
                    “文件:行:列: 错误: 说明（原文：…）”。同一种问题只列前 20 条，随后一行说明还有多少条，
                    最后按种类统计错误和警告的条数。有错误时退出码为 1，否则为 0。
                    """,
                options: [
                    ("--all", "列出全部诊断，不限每种 20 条"),
                    ("--format text|json", "json：把全部诊断以 JSON 输出到标准输出，供编辑器和持续集成使用"),
                    ("--seal 校验码", "可重复。要求日记账中有该校验码的有效封账（封账时打印、抄在纸质登记簿上的 16 位校验码），否则检查不通过"),
                ],
                examples: ["fundflow \(chengde) check", "fundflow \(chengde) check --format json"],
                optionNames: ["all", "format", "seal"])
        ),
        (
            .reading,
            Topic(
                name: "status", alias: "状态", summary: "各项目截至某日的执行情况",
                usage: [
                    "fundflow status [--as-of 日期] [--unit 单位] [--json | --csv | --format 格式] [--exact | --yuan] [-o 文件]",
                    "fundflow status --by 资金性质|科目|经济科目|单位|标签 [--as-of 日期] [--format 格式] [--exact | --yuan] [-o 文件]",
                ],
                about: """
                    截至某日各项目的预算、支出、可用余额、执行率、计划进度、差距、状态（正常、滞后、
                    严重滞后）和预警，按单位小计，最后是合计。金额以万元显示，保留两位小数（逐项四舍五入，
                    合计按精确数计算，可能有尾差）；--exact 显示精确万元，--yuan 显示元。CSV、JSON 始终为精确的元。
                    """,
                options: [
                    ("--as-of 日期", "截至日期 YYYY-MM-DD，默认今天"),
                    ("--unit 单位", "只看该单位的项目"),
                    ("--by 分类", "按一种分类汇总预算和支出：资金性质、科目（功能分类，含款、类合计）、\n经济科目（支出按每笔支付的经济分类）、单位或标签（如“三公”到 6 月底花了多少）"),
                    ("--json", "JSON 输出（键名固定，金额为元的字符串），供其他程序读取"),
                    ("--csv", "CSV 输出（Excel、WPS 可直接打开）"),
                    ("--format 格式", "text（默认）、md、csv、json 或 html"),
                    ("--exact", "金额以精确万元显示（不四舍五入，小数位按需要）"),
                    ("--yuan", "金额以元显示（默认万元，两位小数）"),
                    ("--no-color", "不用颜色（设置环境变量 NO_COLOR 同样有效）"),
                    ("-o 文件", "写入文件而不是屏幕"),
                ],
                examples: [
                    "fundflow \(chengde) status --as-of 2019-06-30",
                    "fundflow \(chengde) status --as-of 2019-12-31 --unit 局机关 --json",
                    "fundflow -f journals/panzhihua-2021.journal status --by 经济科目 --as-of 2021-06-30",
                ],
                optionNames: ["as-of", "unit", "by", "json", "csv", "format", "exact", "yuan", "no-color", "o"])
        ),
        (
            .reading,
            Topic(
                name: "report", alias: "报表", summary: "月报、结转结余表、绩效指标、部门决算、绩效自评表",
                usage: [
                    "fundflow report monthly --month YYYY-MM [--unit 单位] [--format 格式] [--exact | --yuan] [-o 文件]",
                    "fundflow report carryover --year YYYY [--unit 单位] [--format 格式] [--exact | --yuan] [-o 文件]",
                    "fundflow report indicators --year YYYY [--format 格式] [--exact | --yuan] [-o 文件]",
                    "fundflow report final --year YYYY [--format 格式] [--exact | --yuan] [-o 文件]",
                    "fundflow report selfeval --year YYYY [--format 格式] [--exact | --yuan] [-o 文件]",
                ],
                about: """
                    财政部门每月、每年要的报表。报表只计入通过校验的分录；日记账有错误时仍出表，
                    但先列出错误，表内顶端注明（封账校验失败时为醒目的严重警告），退出码为 1。
                    每张表的表头有编制单位、报告期间、金额单位，表尾有最近封账日期和校验码、编制日期
                    和单位负责人、财务负责人、制表人签字栏。金额默认万元、两位小数（合计按精确数计算，
                    可能有尾差）；CSV、JSON 始终为精确的元。
                    """,
                arguments: [
                    ("monthly（月报）", "月度预算执行进度预警报告，截至该月最后一天"),
                    ("carryover（结转）", "年终结转结余表：上年结转、下达、调减、支出、结转下年、收回、\n未处理余额和应付未付合同，截至 12 月 31 日"),
                    ("indicators（指标）", "部门整体绩效自评指标：预算执行率、预算调整率、结转结余率、\n三公经费控制率、政府采购执行率、执行率得分、支出合计"),
                    ("final（决算）", "部门决算：按资金性质的收入及占比；基本支出（人员经费、公用经费）和项目支出；\n按功能分类（项、款、类）和经济分类（款、类）的预算数、决算数、完成预算%、占比；\n“三公”经费分种类（公务用车购置与运行维护分列）与上年比较；政府采购"),
                    ("selfeval（自评）", "项目支出绩效自评表（资金部分）：每个项目的年度资金总额、当年财政拨款、\n上年结转资金、其他资金的年初预算数、全年预算数、全年执行数，分值 10、执行率、得分\n（上年结转资金优先使用）"),
                ],
                options: [
                    ("--month YYYY-MM", "月报的月份"),
                    ("--year YYYY", "结转结余表、绩效指标、部门决算、绩效自评表的年度"),
                    ("--unit 单位", "只看该单位的项目（月报、结转结余表）"),
                    ("--format 格式", "text（默认）、md、csv、json 或 html（可打印的 A4 网页）"),
                    ("--json, --csv", "同 --format json、--format csv"),
                    ("--exact", "金额以精确万元显示（不四舍五入）"),
                    ("--yuan", "金额以元显示（默认万元，两位小数）"),
                    ("--no-color", "不用颜色"),
                    ("-o 文件", "写入文件而不是屏幕"),
                ],
                examples: [
                    "fundflow \(chengde) report monthly --month 2019-06",
                    "fundflow \(chengde) report carryover --year 2019 --format csv -o 结转结余表-2019.csv",
                    "fundflow \(chengde) report indicators --year 2019 --format html -o 绩效自评指标-2019.html",
                    "fundflow -f journals/panzhihua-2021.journal report final --year 2021",
                    "fundflow -f journals/panzhihua-2021.journal report selfeval --year 2021 --format html -o 项目自评-2021.html",
                ],
                optionNames: ["month", "year", "unit", "format", "json", "csv", "exact", "yuan", "no-color", "o"])
        ),
        (
            .reading,
            Topic(
                name: "register", alias: "明细", summary: "明细账（逐笔及余额）",
                usage: ["fundflow register [项目] [--from 日期] [--to 日期] [--format 格式] [--exact | --yuan] [-o 文件]"],
                about: """
                    按日期列出资金分录，以及每笔之后该项目的可用余额；合同金额列在括号内，不影响余额。
                    只有屏幕上的表格会截短过长的文字；md、csv、json、html 完整列出每一项。
                    """,
                arguments: [("项目", "只列这个项目；不写则列出全部项目")],
                options: [
                    ("--from 日期", "从这一天起（含）"),
                    ("--to 日期", "到这一天止（含）"),
                    ("--format 格式", "text（默认）、md、csv、json 或 html（审计常用 csv）"),
                    ("--json, --csv", "同 --format json、--format csv"),
                    ("--exact", "金额以精确万元显示（不四舍五入）"),
                    ("--yuan", "金额以元显示（默认万元，两位小数）"),
                    ("--no-color", "不用颜色"),
                    ("-o 文件", "写入文件而不是屏幕"),
                ],
                examples: [
                    "fundflow \(chengde) register P02",
                    "fundflow \(chengde) register --from 2019-12-01 --to 2019-12-31 --format csv -o 明细账-2019-12.csv",
                ],
                optionNames: ["from", "to", "format", "json", "csv", "exact", "yuan", "no-color", "o"])
        ),
        (
            .interchange,
            Topic(
                name: "import", alias: "导入", summary: "从国库或银行的 CSV 批量导入支付",
                usage: [
                    "fundflow import 文件.csv [--commit | --dry-run] [--map 映射文件] [--date-column 列] [--project-column 列]",
                    "                [--amount-column 列] [--voucher-column 列] [--payee-column 列] [--memo-column 列]",
                    "                [--contract-column 列] [--econ-column 列] [--header-row 行号] [--encoding auto|utf-8|gbk] [--amount-unit 元|万元]",
                ],
                about: """
                    把国库集中支付系统或银行导出的支付明细（CSV，UTF-8 或 GBK）批量记为支付。默认只试算：
                    逐行校验，列出将要写入的分录和每一行的问题，日记账不变；加 --commit 才写入——整批在一把锁下
                    校验、一次写入，任何一行不合规就一行也不写。日记账中已有的同一笔支付（日期、项目、金额、
                    凭证号都相同）跳过不重复记入，同一文件导入两次不会多记。
                    列可写列名、列号（从 1 起）或列字母（如 C）；常见的列名（支付日期、项目编码、支付金额、凭证号、
                    收款人、用途……）不写也能认出。映射可写在文件里反复使用：日记账旁的 fundflow-import.map
                    会自动读取，每行“键=值”，如 日期=交易日期、金额=3、表头行=2、编码=gbk；命令行选项优先。
                    """,
                arguments: [("文件.csv", "要导入的支付明细")],
                options: [
                    ("--commit", "真正写入日记账；不加只试算"),
                    ("--dry-run", "只试算（默认即是），不能与 --commit 同用"),
                    ("--map 映射文件", "列映射文件，默认为日记账旁的 fundflow-import.map"),
                    ("--date-column 列", "支付日期所在的列"),
                    ("--project-column 列", "项目编号（或项目名称）所在的列"),
                    ("--amount-column 列", "支付金额所在的列"),
                    ("--voucher-column 列", "凭证号所在的列"),
                    ("--payee-column 列", "收款人所在的列"),
                    ("--memo-column 列", "摘要（用途）所在的列"),
                    ("--contract-column 列", "合同编号所在的列"),
                    ("--econ-column 列", "经济科目（经济分类编码，3 或 5 位）所在的列"),
                    ("--header-row 行号", "表头所在的行；0 表示没有表头；默认自动寻找"),
                    ("--encoding 编码", "auto（默认，自动识别 UTF-8 或 GBK）、utf-8 或 gbk"),
                    ("--amount-unit 单位", "不带单位的金额按 元（默认）还是 万元 计"),
                ],
                examples: [
                    "fundflow -f 2020.journal import 国库支付明细-2020-05.csv",
                    "fundflow -f 2020.journal import 国库支付明细-2020-05.csv --date-column 支付日期 --project-column 项目编码 --amount-column 支付金额 --payee-column 收款人全称 --memo-column 用途 --commit",
                    "fundflow -f 2020.journal import 银行代发明细.csv --map 银行映射.map --encoding gbk --commit",
                ],
                optionNames: [
                    "commit", "dry-run", "map", "date-column", "project-column", "amount-column", "voucher-column", "payee-column",
                    "memo-column", "contract-column", "econ-column", "header-row", "encoding", "amount-unit",
                ])
        ),
        (
            .interchange,
            Topic(
                name: "export", alias: "导出", summary: "导出为 hledger、Beancount 或 CSV",
                usage: ["fundflow export --format hledger|beancount|csv [-o 文件]"],
                about: """
                    把日记账中通过校验的分录按日期导出，供会计软件和表格使用；中文原样保留，金额精确到分。
                      hledger    复式记账日记账，每笔下达、调减、支付、冲销、结转、收回都是一笔借贷平衡的交易，
                                 注释中保留 fundflow 原文；合同、计划、设置、封账为注释
                      beancount  bean-check 可通过的 Beancount 账本：科目 open 指令（带项目编号、名称等元数据），
                                 交易带原字段元数据，合同和计划为 note
                      csv        一张平表：每笔资金分录和合同一行，带项目名称、单位和对本年各项数字的增减，
                                 按项目和年度汇总即得预算、支出、结转、收回和可用余额（UTF-8 带 BOM，Excel 可直接打开）
                    科目（P 为项目编号）：下达 income:appropriation:P → assets:budget:P，调减反向；
                    支付 assets:budget:P → expenses:P，冲销反向；收回 assets:budget:P → equity:lapsed:P；
                    结转在 12-31 从 assets:budget:P 转入 assets:carried:P，次年 01-01 再转回 assets:budget:P。
                    某年截至某日，expenses:P 的本年发生额就是 fundflow 的支出，assets:budget:P 的本年发生额
                    就是可用余额，年末 assets:carried:P 的余额就是结转下年。Beancount 科目名只能用英文字母、
                    数字和连字符：其他字符换成“-”，首字母小写的改为大写（如项目 p.01 记作 Assets:Budget:P-01），
                    重名时加 -2、-3；原编号和名称记在元数据中。
                    日记账有错误时仍导出通过校验的分录，但先列出错误，退出码为 1。
                    """,
                options: [
                    ("--format 格式", "必填。hledger、beancount 或 csv"),
                    ("-o 文件", "写入文件而不是屏幕"),
                ],
                examples: [
                    "fundflow \(chengde) export --format hledger -o chengde-2019.hledger",
                    "# 用 hledger 看 2019 年各项目支出（与 fundflow status 的“支出”一致）",
                    "hledger -f chengde-2019.hledger balance -b 2019-01-01 -e 2020-01-01 expenses",
                    "fundflow \(chengde) export --format beancount -o chengde-2019.beancount",
                    "fundflow \(chengde) export --format csv -o chengde-2019.csv",
                ],
                optionNames: ["format", "o"])
        ),
        (
            .interchange,
            Topic(
                name: "init", alias: "新建", summary: "新建日记账",
                usage: [
                    "fundflow init [--org 单位名称] [--budget 预算表.csv] [--year 年度] [--date 日期] [--doc 文号]",
                    "              [--amount-unit 元|万元] [--encoding auto|utf-8|gbk] [--dry-run]",
                ],
                about: """
                    新建一本日记账（-f 指定的文件，或 FUNDFLOW_JOURNAL，或当前目录的 fundflow.journal）：写入单位
                    名称设置；给出 --budget 时，从年初预算表每一行生成一个项目声明和一笔年初下达。整本一次校验、
                    一次写入，有错误就不创建。日记账已存在且不是空文件时拒绝，绝不覆盖。至少给出 --org 或 --budget。
                    预算表按表头认列：项目编码、项目名称、单位、金额或预算数（元；表头写明万元时按万元）、文号，
                    支出计划可写在一列（3月:30,6月:50,10月:90,12月:100）或分成 3月底、6月底……几列百分比；
                    功能科目、经济科目、资金性质、标签可选。没有项目编码列时按行编号 P01、P02……
                    """,
                options: [
                    ("--org 单位名称", "单位名称，印在报表标题上"),
                    ("--budget 预算表.csv", "年初预算表（CSV，UTF-8 或 GBK），每个项目一行"),
                    ("--year 年度", "预算年度，如 2020；分录记在该年 1 月 1 日"),
                    ("--date 日期", "分录日期 YYYY-MM-DD，默认为 --year 的 1 月 1 日，或今年 1 月 1 日"),
                    ("--doc 文号", "预算表某行没有文号时所用的下达文号"),
                    ("--amount-unit 单位", "金额按 元 还是 万元 计（默认看表头）"),
                    ("--encoding 编码", "预算表编码：auto（默认）、utf-8 或 gbk"),
                    ("--dry-run", "只列出将写入的行，不创建文件"),
                ],
                examples: [
                    "fundflow -f 2020.journal init --org 承德市医疗保障局 --year 2020",
                    "fundflow -f 2020.journal init --org 承德市医疗保障局 --budget 2020年初预算.csv --doc 承财社[2020]1号 --dry-run",
                ],
                optionNames: ["org", "budget", "year", "date", "doc", "amount-unit", "encoding", "dry-run"])
        ),
        (
            .shell,
            Topic(
                name: "completion", alias: nil, summary: "输出 bash 补全脚本",
                usage: ["fundflow completion bash"],
                about: """
                    输出 bash 的 Tab 补全脚本。补全命令（中英文）、每个命令的选项、--format 等选项的取值，
                    以及日记账中的项目编号、合同编号和单位（从当前日记账读取，遵从 -f 和 FUNDFLOW_JOURNAL）。
                    zsh 用户可先执行 autoload -U bashcompinit && bashcompinit 再加载同一脚本。
                    """,
                arguments: [("bash", "目前支持的 shell")],
                examples: [
                    "# 在当前终端立即生效",
                    "source <(fundflow completion bash)",
                    "# 永久安装（bash-completion 自动加载）",
                    "fundflow completion bash > ~/.local/share/bash-completion/completions/fundflow",
                ])
        ),
        (
            .shell,
            Topic(
                name: "help", alias: nil, summary: "查看帮助",
                usage: ["fundflow help [命令]", "fundflow 命令 --help", "fundflow help 语法|口径|预警"],
                about: "不带命令时显示全部命令的概览；带命令时显示该命令的用法、参数、选项和示例。中英文命令名都可以。",
                arguments: [("命令", "如 pay 或 支付")] + HelpManual.topics.map { ($0.words.joined(separator: "、"), $0.summary) },
                examples: ["fundflow help pay", "fundflow report --help", "fundflow help 口径"],
                notes: "语法、口径、预警三篇即本仓库 docs/journal.md、docs/figures.md、docs/alerts.md（Markdown 原文）。")
        ),
    ]

    static let amountNote = "如 116100、116,100.00元、11.61万、50.094万元（须为整分，大于零）"

    // MARK: - Lookup

    /// Every command word (English and Chinese), for did-you-mean.
    static var commandWords: [String] { topics.flatMap { $0.1.words } }

    static func topic(_ word: String) -> Topic? {
        topics.first { $0.1.words.contains(word) }?.1
    }

    // MARK: - Rendering

    static var overview: String {
        var lines: [String] = [
            "fundflow — 预算单位资金台账与预算执行监控",
            "",
            "用法：fundflow [-f 日记账]... 命令 [参数] [选项]",
            "",
            "日记账：-f 指定（可写多次，按顺序合为一本账），否则用环境变量 FUNDFLOW_JOURNAL，",
            "否则用当前目录的 fundflow.journal。",
        ]
        let width = topics.map { DisplayWidth.of($0.1.name) }.max() ?? 0
        let aliasWidth = topics.map { DisplayWidth.of($0.1.alias ?? "") }.max() ?? 0
        for group in Group.allCases {
            lines.append("")
            lines.append(group.rawValue + "：")
            for (g, topic) in topics where g == group {
                lines.append("  " + DisplayWidth.pad(topic.name, to: width) + "  " + DisplayWidth.pad(topic.alias ?? "", to: aliasWidth) + "  " + topic.summary)
            }
        }
        lines += [
            "",
            "全局选项：",
            "  -f, --file 文件   日记账文件（可写多次）",
            "  -h, --help        帮助；放在命令后显示该命令的帮助",
            "  --version         显示版本",
            "",
            "例：",
            "  fundflow \(chengde) check",
            "  fundflow \(chengde) report monthly --month 2019-12",
            "  fundflow \(chengde) pay P08 18万 --contract HT-2019-08 --voucher 记-2020-05-003 --date 2020-05-20",
            "",
            "金额可写 116100、116,100.00元、11.61万、50.094万元（须为整分）；命令和选项写错时会提示最接近的写法。",
            "“默认今天”指日记账时区（设置 时区=，默认 +08:00 北京时间）的今天，与服务器的时区无关。",
            "退出码：0 成功（可有警告）；1 日记账或本条分录不合规；2 命令行有误（日期、月份、年度、金额写错也是 2）；3 文件无法读写。",
            "fundflow help 命令   查看某个命令的用法、选项和示例（如 fundflow help pay）。",
            "fundflow help 语法   日记账语言和每种错误的改法；help 口径 每个数字怎么算；help 预警 预警规则。",
        ]
        return lines.joined(separator: "\n")
    }

    /// The full help of a command, or nil when there is no such command.
    static func command(_ word: String) -> String? {
        guard let topic = topic(word) else { return nil }
        return render(topic)
    }

    static func render(_ topic: Topic) -> String {
        var lines: [String] = []
        let title = "fundflow " + topic.name + (topic.alias.map { "（\($0)）" } ?? "") + " — " + topic.summary
        lines.append(title)
        lines.append("")
        lines.append("用法：")
        for usage in topic.usage { lines.append("  " + usage) }
        lines.append("")
        lines.append(contentsOf: topic.about.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        if !topic.arguments.isEmpty {
            lines.append("")
            lines.append("参数：")
            lines.append(contentsOf: table(topic.arguments))
        }
        if !topic.options.isEmpty {
            lines.append("")
            lines.append("选项：")
            lines.append(contentsOf: table(topic.options))
        }
        if Group.recording == group(of: topic) {
            lines.append("")
            lines.append(contentsOf: [
                "本命令先在排他锁下按整本日记账校验这条分录，合规则追加恰好一行规范格式的分录并写入磁盘，",
                "回显所记的行（资金分录还显示项目余额）；不合规则不写入任何内容，说明原因和改法（退出码 1）。",
                "中文命令“\(topic.alias ?? topic.name)”与“\(topic.name)”相同。",
            ])
        }
        lines.append("")
        lines.append("例：")
        for example in topic.examples { lines.append("  " + example) }
        if let notes = topic.notes {
            lines.append("")
            lines.append(notes)
        }
        lines.append("")
        lines.append("全局选项 -f 文件 指定日记账；fundflow --help 列出全部命令。")
        return lines.joined(separator: "\n")
    }

    static func group(of topic: Topic) -> Group? {
        topics.first { $0.1.name == topic.name }?.0
    }

    /// Two columns: the term padded to a common display width, then the explanation;
    /// explanation lines after the first are indented under it.
    static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(22, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
        var lines: [String] = []
        for (term, text) in rows {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if DisplayWidth.of(term) > width {
                lines.append("  " + term)
                lines.append(contentsOf: parts.map { "  " + String(repeating: " ", count: width) + "  " + $0 })
                continue
            }
            lines.append("  " + DisplayWidth.pad(term, to: width) + "  " + parts[0])
            lines.append(contentsOf: parts.dropFirst().map { "  " + String(repeating: " ", count: width) + "  " + $0 })
        }
        return lines
    }
}
