import Ledger

/// The tables of the 部门决算 (`report final`), built once for every human format and CSV.
enum FinalAccountsTables {
    static func title(_ r: FinalAccounts) -> String {
        RenderSupport.organisationPrefix(r.organisation) + "\(r.year)年度 部门决算"
    }

    static func all(_ r: FinalAccounts) -> [ReportTable] {
        [
            income(r), spending(r), classes(r.byFunction, title: "三、支出决算（按支出功能分类）"),
            classes(r.byEconomic, title: "四、支出决算（按支出经济分类）"), sangong(r), procurement(r),
        ]
    }

    static func income(_ r: FinalAccounts) -> ReportTable {
        var t = ReportTable(
            title: "一、收入决算（按资金性质）", columns: ["资金性质", "类别", "本年收入", "占比%"], numeric: [2, 3],
            note: "本年收入 = 本年下达 − 调减（不含上年结转）；占比 = 该项收入 ÷ 本年收入合计。")
        for f in r.income.byFund {
            t.add([.text(f.fund.chinese), .text(f.fund.isAppropriation ? "财政拨款" : "其他资金"), .money(f.amountFen), .percent(f.shareBasisPoints)])
        }
        t.add([.text("合计"), .empty, .money(r.income.totalFen), .percent(r.income.totalFen != 0 ? 10_000 : nil)], .total)
        return t
    }

    static func spending(_ r: FinalAccounts) -> ReportTable {
        let s = r.spending
        func share(_ fen: Int64) -> ReportTable.Cell { .percent(FinalAccounts.share(fen, s.totalPaidFen)) }
        var t = ReportTable(
            title: "二、支出决算（基本支出与项目支出）", columns: ["项目", "本年支出", "占比%"], numeric: [1, 2],
            note: "基本支出为标签“基本”的项目；人员经费为经济分类 301、303，其余（含未分类）为公用经费。")
        t.add([.text("基本支出"), .money(s.basicPaidFen), share(s.basicPaidFen)])
        t.add([.text("　其中：人员经费"), .money(s.personnelPaidFen), share(s.personnelPaidFen)], .detail)
        t.add([.text("　　　　公用经费"), .money(s.publicPaidFen), share(s.publicPaidFen)], .detail)
        t.add([.text("项目支出"), .money(s.projectPaidFen), share(s.projectPaidFen)])
        t.add([.text("支出合计"), .money(s.totalPaidFen), share(s.totalPaidFen)], .total)
        return t
    }

    static func classes(_ rows: [FinalAccounts.ClassRow], title: String) -> ReportTable {
        var t = ReportTable(
            title: title, columns: ["科目编码", "科目名称", "级次", "预算数", "决算数", "完成预算%", "占比%"], numeric: [3, 4, 5, 6],
            note: "款、类为其下各级之和；完成预算 = 决算数 ÷ 预算数（预算为 0 时不列）；占比 = 决算数 ÷ 支出合计。")
        if rows.isEmpty { t.add([.text("（本年无支出）"), .empty, .empty, .empty, .empty, .empty, .empty]) }
        for row in rows {
            let indent = row.level == .section ? "　" : row.level == .item ? "　　" : ""
            t.add(
                [
                    .text(row.code), .text(indent + row.name), .text(row.level.rawValue), .money(row.budgetFen), .money(row.paidFen),
                    .percent(row.rateBasisPoints), .percent(row.shareBasisPoints),
                ], row.level == .category ? .subtotal : .normal)
        }
        return t
    }

    static func sangong(_ r: FinalAccounts) -> ReportTable {
        let s = r.sangong
        var t = ReportTable(
            title: "五、“三公”经费支出决算", columns: ["种类", "预算数", "决算数", "完成预算%", "占比%", "上年决算数", "增减额", "增减率%"],
            numeric: [1, 2, 3, 4, 5, 6, 7],
            note: "因公出国（境）费 = 经济分类 30212；公务用车购置及运行维护费 = 31013 + 30231；公务接待费 = 30217；"
                + "标签“三公”而无此类经济分类的计入“未分类”。上年为 0 时不计增减率。")
        for k in s.kinds {
            t.add([
                .text(k.kind.rawValue), .money(k.budgetFen), .money(k.paidFen), .percent(k.rateBasisPoints), .percent(k.shareBasisPoints),
                .money(k.previousPaidFen), .money(k.changeFen), .percent(k.changeRateBasisPoints),
            ])
            if k.kind == .vehicle {
                t.add(
                    [
                        .text("　其中：公务用车购置"), .empty, .money(s.vehiclePurchasePaidFen), .empty, .empty,
                        .money(s.previousVehiclePurchasePaidFen), .money(s.vehiclePurchasePaidFen &- s.previousVehiclePurchasePaidFen), .empty,
                    ], .detail)
                t.add(
                    [
                        .text("　　　　公务用车运行维护"), .empty, .money(s.vehicleOperationPaidFen), .empty, .empty,
                        .money(s.previousVehicleOperationPaidFen), .money(s.vehicleOperationPaidFen &- s.previousVehicleOperationPaidFen), .empty,
                    ], .detail)
            }
        }
        t.add(
            [
                .text("合计"), .money(s.budgetFen), .money(s.paidFen), .percent(s.rateBasisPoints), .percent(s.paidFen != 0 ? 10_000 : nil),
                .money(s.previousPaidFen), .money(s.changeFen), .percent(s.changeRateBasisPoints),
            ], .total)
        return t
    }

    static func procurement(_ r: FinalAccounts) -> ReportTable {
        var t = ReportTable(
            title: "六、政府采购支出", columns: ["项目", "预算数", "支出数", "执行率%"], numeric: [1, 2, 3],
            note: "标签“采购”的项目。")
        t.add([.text("政府采购"), .money(r.procurement.budgetFen), .money(r.procurement.paidFen), .percent(r.procurement.rateBasisPoints)], .total)
        return t
    }
}
