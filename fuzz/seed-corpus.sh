#!/usr/bin/env bash
# Regenerates the committed seed corpus fuzz/corpus/ from the shipped journals and a set of
# hand-made tricky inputs. Run it when journals/ or the journal language changes; the
# output is deterministic, so `git diff fuzz/corpus` shows what changed.
#
#   fuzz/corpus/journal/  one small journal file each (target "journal")
#   fuzz/corpus/values/   one field value each: amounts, dates, plans (target "values")
set -euo pipefail
cd "$(dirname "$0")/.."

out=fuzz/corpus
rm -rf "$out/journal" "$out/values"
mkdir -p "$out/journal" "$out/values"

# --- The shipped journals, split into small files -----------------------------------------
# Each file: the journal's 设置 lines, then one project's block (its 项目 line up to the next
# 项目 line). A block is a valid small journal, so the validator's rules run on it. The
# first 40 lines (comments, as written) make one more file.
for journal in journals/*.journal; do
    name=$(basename "$journal" .journal)
    head -n 40 "$journal" > "$out/journal/$name-head.journal"
    awk -v dir="$out/journal" -v name="$name" '
        /^[ \t]*(#|;|$)/ { next }
        $2 == "设置" { settings = settings $0 "\n"; next }
        $2 == "项目" { block++ }
        block > 0 { blocks[block] = blocks[block] $0 "\n" }
        END {
            for (b = 1; b <= block; b++) {
                file = sprintf("%s/%s-block%02d.journal", dir, name, b)
                printf "%s%s", settings, blocks[b] > file
            }
        }' "$journal"
done

# --- Hand-made tricky journals --------------------------------------------------------------
put() { printf '%b' "$2" > "$out/journal/$1"; }

put quotes.journal '2019-01-01 项目 P01 "名称 含 空格" 单位="a=b" 科目="" 标签="三公,采购"\n2019-01-02 下达 P01 100 文号="承财社[2019]1号" 摘要="含\\"引号\\"和\\\\反斜杠"\n2019-01-03 支付 P01 1 摘要="#不是注释" 凭证=";x"\n'
put bad-quotes.journal '2019-01-01 项目 P01 "未闭合\n2019-01-01 项目 P02 a"b\n2019-01-01 项目 P03 "x"y\n2019-01-01 项目 P04 "a\\qb"\n2019-01-01 项目 P05 "\\\\"\n2019-01-01 项目 P06 x 单位=a=b\n2019-01-01 项目 P07 x =v\n2019-01-01 项目 P08 x 单位=\n'
put fullwidth.journal '2019-01-01　项目　P01　办公经费　单位＝局机关\n2019-01-02 下达 P01 116，100 文号＝承财社[2019]1号\n2019-01-03 计划 P01 3月：30，12月：100\n2019-01-04 项目 P02 "文号＝X" 标签=三公，采购\n'
put bom-crlf.journal '\xef\xbb\xbf2019-01-01 设置 单位名称=某局\r\n2019-01-01 项目 P01 x\r\n2019-01-02 下达 P01 1万 文号=A\r\n\r\n# comment\r\n2019-01-03 支付 P01 0.5万\r'
put bom-twice.journal '\xef\xbb\xbf\xef\xbb\xbf2019-01-01 设置 单位名称=某局\n2019-01-01 项目 P01 \xef\xbb\xbf\n'
put huge-amounts.journal '2019-01-01 项目 P01 x\n2019-01-02 下达 P01 99999999999999999999 文号=A\n2019-01-02 下达 P01 100000000000000.00 文号=B\n2019-01-02 下达 P01 1,000,000,000,000,000.00元 文号=C\n2019-01-02 下达 P01 10000000000万 文号=D\n2019-01-02 下达 P01 0.000001万 文号=E\n2019-01-02 下达 P01 1.2345678万 文号=F\n2019-01-02 下达 P01 -5 文号=G\n2019-01-02 下达 P01 0 文号=H\n2019-01-02 下达 P01 1,23,456 文号=I\n2019-01-03 支付 P01 100000000000000 凭证=V\n2019-01-04 冲销 P01 100000000000000 原凭证=V\n'
put max-sums.journal '2019-01-01 项目 P01 x\n2019-01-02 下达 P01 100000000000000 文号=A\n2019-01-02 下达 P01 100000000000000 文号=A\n2019-01-02 下达 P01 100000000000000 文号=A\n2019-12-31 结转 P01 300000000000000\n2020-01-02 下达 P01 100000000000000 文号=B\n2020-01-03 支付 P01 400000000000000 凭证=V\n2021-01-04 冲销 P01 400000000000000 原凭证=V\n'
put every-verb.journal '2019-01-01 设置 单位名称=某局 默认计划=3月:25,12月:100 黄线=10 红线=20.5 执行率目标=90 零支出天数=60\n2019-01-01 项目 P01 办公经费 单位=局机关 科目=2010101 计划=3月:30,6月底:50%,12月:100 标签=基本,三公\n2019-01-05 下达 P01 11.61万 文号=承财社[2019]107号 类别=追加 来源=中央 摘要=m\n2019-01-06 调减 P01 0.61万 文号=R1 摘要=压减\n2019-01-07 合同 P01 C1 5万 对方=某公司 期限=2019-12-31 摘要=m\n2019-02-01 支付 P01 2万 凭证=记-1 收款人=某公司 合同=C1 摘要=m\n2019-02-01 支付 P01 1万 凭证=记-1\n2019-03-01 冲销 P01 0.5万 原凭证=记-1 原日期=2019-02-01 凭证=记-9\n2019-03-02 冲销 P01 0.5万 原凭证=记-1\n2019-06-30 计划 P01 6月:40,12月:100\n2019-12-01 收回 P01 1万 文号=L1 原因=结余\n2019-12-31 结转 P01 1万 原因=跨年\n2019-12-30 结转 P01 1\n'
put english.journal '2019-01-01 set org=Bureau default-plan=12月:100 warn-gap=5 alarm-gap=15 target-rate=95 idle-days=30\n2019-01-01 project P01 Office unit=HQ code=1 plan=6月:50,12月:100 tags=a,b\n2019-01-02 allot P01 100000 doc=D1 kind=supplement source=S memo=M\n2019-01-03 reduce P01 1000 doc=D2\n2019-01-04 contract P01 C1 5000 party=X due=2019-06-30\n2019-01-05 pay P01 5000 voucher=V1 payee=X contract=C1\n2019-01-06 reverse P01 100 of=V1 of-date=2019-01-05 voucher=V2\n2019-12-31 carry P01 100\n2019-12-31 lapse P01 100 doc=D3 reason=R\n2019-12-31 seal sha256=0000000000000000000000000000000000000000000000000000000000000000\n'
put errors.journal '2019-02-29 项目 P01 x\n2019-13-01 项目 P01 x\n3000-01-01 项目 P01 x\n2019-01-01\n2019-01-01 付款 P01 1\n2019-01-01 支付\n2019-01-01 支付 P09 1\n2019-01-01 项目 P01 x y\n2019-01-01 项目 P01 x 文号=A\n2019-01-01 项目 P01 x 单位=a 单位=b\n2019-01-01 下达 P01 1\n2019-01-01 设置\n2019-01-01 设置 黄线=101 零支出天数=0\n2019-01-01 封账 sha256=XYZ\n2019-01-01 项目 "" x\n2019-01-01 项目 "a b" x\n'
put control.journal '2019-01-01 项目 P01 x\x07\n2019-01-01 项目 P02 \x00\n2019-01-01 项目 P03 \x7f\n2019-01-01 项目 P04 a\rb\n'
put gbk.journal '2019-01-01 \xcf\xee\xc4\xbf P01 x\n# \xd6\xd0\xce\xc4\n2019-01-01 项目 P01 \xed\xa0\x80\n2019-01-01 项目 P02 \xc0\x80\n2019-01-01 项目 P03 \xf4\x90\x80\x80\n'
put comments.journal '# a\n; b\n   # c\n\t; d\n　# e\n\n   \n'
put empty.journal ''
put no-final-newline.journal '2019-01-01 项目 P01 x'
put out-of-order.journal '2019-01-01 支付 P01 1\n2019-01-02 项目 P01 x\n2019-01-03 下达 P01 1 文号=A\n2019-01-01 下达 P01 1 文号=B\n2019-01-04 支付 P01 3 合同=C9\n2019-01-04 合同 P01 C1 1\n2019-01-04 合同 P01 C1 1\n2019-01-05 项目 P02 y\n2019-01-05 支付 P02 1 合同=C1\n'

# Seals: one whose hash is right (computed here), then a line dated inside the sealed period.
head_text='2019-01-01 项目 P01 x\n2019-01-02 下达 P01 1万 文号=A\n2019-06-30 支付 P01 100 凭证=V\n'
digest=$(printf '%b' "$head_text" | sha256sum | cut -d' ' -f1)
put seal.journal "${head_text}2019-06-30 封账 sha256=$digest\n2019-06-30 支付 P01 1\n2019-07-01 冲销 P01 1 原凭证=V\n2019-07-01 封账 sha256=$digest\n"
digest_crlf=$(printf '%b' '\xef\xbb\xbf2019-01-01 项目 P01 x\r\n' | sha256sum | cut -d' ' -f1)
put seal-bom-crlf.journal "\xef\xbb\xbf2019-01-01 项目 P01 x\r\n2019-01-01 封账 sha256=$digest_crlf\r\n"

# A long line near Limits: many fields.
fields=$(for i in $(seq 1 70); do printf ' f%d' "$i"; done)
put many-fields.journal "2019-01-01 项目 P01${fields}\n"

# --- Field values (target "values") -------------------------------------------------------
value() { printf '%b' "$2" > "$out/values/$1"; }
i=0
for v in 116100 '116,100.00元' 11.61万 7.737948万 50.094万元 1.2345678万 -5 0 0.01 '1,000' '1,23,456' '116，100' \
         99999999999999999999 9223372036854775807 10000000000000000 100000000000000.00 0.000001万 .5 1. '1..2' 万 元 万元 \
         2019-03-01 2019-02-29 2020-02-29 2019-13-01 1900-01-01 2999-12-31 3000-01-01 '2019-1-01' \
         '3月:30,6月:50,10月:90,12月:100' '12月:100' '6月底:50%' '6月:50,3月:30' '3月：30' '3月:30，6月:50' '12月:101' \
         '13月:10' '0月:0' '3月:33.33' '3月:33.333' '3月:33.330' '3月:' ':30' '月:30' '3月:30,,6月:50' \
         50 33.5 12.25 100.00 '' ; do
    i=$((i + 1))
    value "$(printf 'v%02d' "$i")" "$v"
done

echo "seed corpus: $(ls "$out/journal" | wc -l) journals, $(ls "$out/values" | wc -l) values in $out/"
