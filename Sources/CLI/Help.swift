/// The help texts, in Chinese, with a real example for every command.
enum Help {
    static let version = "fundflow 0.1.0"

    static let overview = """
    fundflow — 预算单位资金台账与预算执行监控

    用法：fundflow [-f 日记账文件]... 命令 [参数] [选项]
    日记账：-f 指定（可多次，按顺序合为一本账），否则用环境变量 FUNDFLOW_JOURNAL，否则用当前目录的 fundflow.journal。

    记账命令（每条命令校验后追加恰好一行，不合规则不写入）：
      project   项目   声明项目        fundflow project P01 "医疗服务与保障能力提升补助资金" --unit 局机关
      allot     下达   预算下达        fundflow allot P01 11.61万 --doc 承财社[2019]107号 --date 2019-03-05
      reduce    调减   预算调减        fundflow reduce P01 1万 --doc 承财社[2019]300号
      pay       支付   支付            fundflow pay P01 5.61万 --voucher 记-2019-04-003 --payee 河北省医保局
      contract  合同   登记合同        fundflow contract P08 HT-2019-08 18万 --party 某软件公司 --due 2019-12-20
      reverse   冲销   红字冲销        fundflow reverse P01 0.5万 --of 记-2019-04-003
      carry     结转   年末结转        fundflow carry P02 --all --year 2019
      lapse     收回   结余收回        fundflow lapse P02 1万 --doc 承财社[2020]5号
      plan      计划   更改支出计划    fundflow plan P01 3月:30,6月:50,10月:90,12月:100 --date 2020-01-01
      set       设置   日记账设置      fundflow set --org 承德市医疗保障局
      seal      封账   封账            fundflow seal --through 2019-12-31

    检查命令：
      check     检查   检查整本日记账，列出全部错误和警告

    退出码：0 成功（可有警告）；1 日记账或本条分录不合规；2 命令行有误；3 文件无法读写。
    fundflow help 命令   查看某个命令的详细说明；fundflow --version 查看版本。
    """

    static func command(_ name: String) -> String? {
        switch name {
        case "check", "检查":
            return """
            fundflow check — 检查整本日记账

            按日期顺序逐笔核对：超支、未声明的项目、合同、冲销、结转、封账校验等，
            列出全部错误和警告（格式：文件:行:列: 错误: 说明），不会遇错即停。
            有错误时退出码为 1，否则为 0。

            例：fundflow -f journals/chengde-2019.journal check
            """
        case "seal", "封账":
            return """
            fundflow seal --through 日期 — 封账

            追加一行“日期 封账 sha256=…”，记录此前全部内容的 SHA-256。此后 check 会核对：
            已封账的内容被改动即报错；日期在封账日及以前的新分录也会被拒绝（更正请用冲销）。
            日记账有错误时不能封账；不能封未来的日期。

            例：fundflow seal --through 2019-12-31
            """
        default:
            let verbs: [String: String] = [
                "project": "project", "项目": "project", "allot": "allot", "下达": "allot", "reduce": "reduce", "调减": "reduce",
                "pay": "pay", "支付": "pay", "contract": "contract", "合同": "contract", "reverse": "reverse", "冲销": "reverse",
                "carry": "carry", "结转": "carry", "lapse": "lapse", "收回": "lapse", "plan": "plan", "计划": "plan", "set": "set", "设置": "set",
            ]
            guard let english = verbs[name], let verb = VerbLookup.verb(english), let shape = RecordCommand.shape(for: verb) else { return nil }
            return """
            \(shape.usage)

            校验本条分录与整本日记账（加锁后进行），合规则追加一行规范格式的分录并同步到磁盘；
            不合规则不写入任何内容，说明原因，退出码 1。--date 默认为今天。
            金额可写 116100、116,100.00元、11.61万、50.094万元（须为整分）。
            """
        }
    }
}

import Ledger
enum VerbLookup {
    static func verb(_ word: String) -> Verb? { Verb.named(word) }
}
