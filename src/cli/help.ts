// The CLI's help texts, Japanese first: one per command, shown by --help and by plan-press help.
import { VERSION } from "../version.js";
import { EDITIONS, EDITION_JA } from "../editions.js";

/** The help text of each command ("main": the overview). */
export const HELP: Record<string, string> = {
  main: `plan-press ${VERSION} — 総合計画のデータから冊子PDFをつくります

使い方:
  plan-press build   [--data DIR] [--out FILE] [--edition NAME]   冊子PDFをつくる
  plan-press check   [--data DIR]                                 データを検証する（PDFはつくらない）
  plan-press diff    --from REF [--to DIR] [--out FILE]           新旧対照表（PDF）をつくる
  plan-press preview [--data DIR] [--edition NAME] [--port N]     編集しながら見るプレビュー（保存すると自動で更新）
  plan-press pages   [--pdf FILE] [--out DIR] [--dpi N]           ページの画像と一覧（コンタクトシート）をつくる
  plan-press sheet export --year YYYY [--out FILE]               実績の照会用の Excel をつくる
  plan-press sheet import FILE.xlsx [--year YYYY]                 返送された Excel から実績を取り込む
  plan-press report  --year YYYY [--out FILE]                     進行管理の報告書（PDF）をつくる
  plan-press init    DIR --city NAME [--title TITLE]              新しい計画のデータの見本をつくる
  plan-press schema                                               エディタ用の JSON Schema を書き出す
  plan-press help [COMMAND]                                       説明を表示する

各コマンドの説明: plan-press COMMAND --help`,
  build: `plan-press build — データから冊子PDFをつくります

  --data DIR                 計画データのフォルダ（既定: data）
  --out FILE                 出力するPDF（既定: output/action-plan.pdf。draft・print は output/action-plan-版.pdf、
                             web は output/web/action-plan.pdf）。同じ場所に印刷したHTMLも書き出します
  --edition NAME             版（既定: official）:
${EDITIONS.map((e) => `                               ${e.padEnd(9)} ${EDITION_JA[e]}`).join("\n")}
  --binding 無線綴じ|中綴じ   （print）製本の方法。ページ数を2または4の倍数にそろえる（既定: edition.yaml の binding）
  --pdfx                     （print）Ghostscript で CMYK の PDF/X-3 にも変換する（…-pdfx.pdf。印刷所に渡すファイル）
  --browser-ws-endpoint URL  起動済みのChrome（ws://…）で印刷する
  --timeout SECONDS          ブラウザの起動・読込・印刷の待ち時間（既定: 120）
  --strict                   警告も（エラーと同じく）PDF をつくらない理由にする
  --watch                    データ・テンプレート・スタイルの保存のたびに作り直す（Ctrl-C で終了）
  --changes-since REF        （draft のみ）REF（git のリビジョンか古いデータのフォルダ）からの変更に印を付け、
                             目次の次に変更箇所の一覧（ページ付き）を載せる。例: --changes-since HEAD
  --label NAME               （--changes-since と）冊子での比較元の呼び名。例: --label 第1回審議会資料
                             （既定: 比較元の edition.yaml の段階・版・日付。例: 案 第1版（令和6年10月1日））
  -h, --help                 この説明

データにエラーがあるときはPDFをつくらず、前回のPDFはそのまま残ります。`,
  check: `plan-press check — データを検証します（PDFはつくりません）

  --data DIR   計画データのフォルダ（既定: data）
  -h, --help   この説明

すべての問題を「ファイル:行:列」とともに表示します。エラーがあれば終了コード 1、警告だけなら 0。`,
  diff: `plan-press diff — 前の版と比べた新旧対照表（PDF）をつくります

  --from REF   比べる前の版: git のリビジョン（HEAD、HEAD~1、タグ名など）か、古いデータのフォルダ
               （同じ名前のフォルダとタグがあるときは、./名前 または refs/tags/名前 と書き分けます）
  --label NAME 表での比較元の呼び名。例: --label 第1回審議会資料
               （既定: 比較元の edition.yaml の段階・版・日付。例: 案 第1版（令和6年10月1日））
  --to DIR     新しい版のデータのフォルダ（既定: data）
  --out FILE   出力するPDF（既定: output/shinkyu-taisho.pdf）
  --browser-ws-endpoint URL, --timeout SECONDS   build と同じ
  -h, --help   この説明

変更ごとに1行、左に新（改正後）、右に旧（改正前）を並べ、新では改めた語句に下線、旧では改める前の語句に
取り消し線を引きます。追加・削除・移動した項目もそれぞれ1行です。数値は値として比べます（80 → 85）。
各行に新しい冊子でのページ（削除した項目は前の冊子でのページ「旧 p.」）を示し、変更の一覧を画面にも表示します。`,
  preview: `plan-press preview — 編集しながら冊子を確かめるプレビュー（ブラウザで開きます）

  --data DIR       計画データのフォルダ（既定: data）
  --edition NAME   official（既定）または draft
  --port N         使うポート（既定: 空いているポートを自動で選ぶ）
  -h, --help       この説明

このマシンだけから見られるアドレス（http://127.0.0.1:…/）を表示します。データ・テンプレート・スタイルを
保存すると、1秒ほどで表示が更新されます。データにエラーがあると、その場所（ファイル:行）を画面の上に
表示し、直すと消えます。見開きのページは印刷と同じ大きさで表示し、収まらないページは赤枠で示します。
ページ番号は最後に作成した PDF のものです。Ctrl-C で終了します。`,
  pages: `plan-press pages — 冊子の全ページの画像と、見開きで並べた一覧（コンタクトシート）をつくります

  --pdf FILE   対象のPDF（既定: output/action-plan.pdf）
  --out DIR    書き出すフォルダ（既定: output/pages）
  --dpi N      ページの画像の解像度（既定: 40。文字を読んで確かめるには 150）
  -h, --help   この説明

page-001.png … と contact-sheet.png（全ページの縮小一覧）を書き出します。全体の見た目の確認に使います。
--dpi 100 以上では、見開き4つずつをその解像度で並べた contact-sheet-01.png … も書き出します（組版の確認用）。`,
  sheet: `plan-press sheet — 成果指標・数値目標の実績を、各課に Excel で照会し、取り込みます

  plan-press sheet export --year YYYY [--data DIR] [--out FILE]
      照会用の Excel（既定: output/jisseki-YYYY.xlsx）をつくります。指標ごとに1行、黄色の欄（その年度の実績・備考）
      だけに入力でき、ほかの欄は変更できません。シート「コメント」には重点施策ごとの評価・課題・今後の方向を書けます。
      同じ名前のファイルがすでにあるときは上書きしません（返送された入力を消さないため）。
  plan-press sheet import FILE.xlsx [--data DIR] [--year YYYY]
      返送された Excel を確かめ、書き出した後にその Excel で変えられた欄だけを data/actuals/YYYY.yaml に入れます。
      各課から返送されたファイルは1つずつ取り込めます（ほかの課の入力や、ファイルを直接直した値はそのまま）。
      数値でない実績、知らないキー、重複・欠けた行、変更された欄、書き出した後に Excel と実績のファイルの両方で
      変わった値は「シート!セル」で示し、何も書き換えません。同じファイルを2回取り込んでも変わりません。
  -h, --help   この説明`,
  report: `plan-press report — 進行管理の報告書（PDF）をつくります

  --year YYYY    報告する実績の年度（例: 2025、令和7年度）
  --data DIR     計画データのフォルダ（既定: data）
  --out FILE     出力するPDF（既定: output/progress-YYYY.pdf）
  --browser-ws-endpoint URL, --timeout SECONDS   build と同じ
  -h, --help     この説明

data/actuals/ の実績値から、指標ごとの進捗率と進捗状況（達成・順調・遅れ・未把握）を求め、政策・重点プロジェクト
ごとの概要、重点施策ごとのページ（各年度の実績、進捗率、推移のグラフ、評価・課題・今後の方向）を載せます。
判定の基準は報告書の「進捗状況の見方」のページに載ります。`,
  init: `plan-press init — 新しい計画のデータの見本（そのまま冊子をつくれる最小の計画）をつくります

  DIR            つくるフォルダ（まだないフォルダか、空のフォルダ）
  --city NAME    市の名称（表紙・奥付に使います）
  --title TITLE  冊子の題名（既定: 市の名称＋総合計画）
  -h, --help     この説明

政策1つ・重点施策1つ・文章の章1つの計画を、日本語の説明付きで書き出します（地区・重点プロジェクトなし）。
plan-press build --data DIR で冊子をつくれます。ファイルの（ ）の部分を書き換えて使ってください。`,
  schema: `plan-press schema — schema/*.schema.json を書き出します

YAMLファイル先頭の「# yaml-language-server: $schema=…」の行により、VS Code が項目の候補と誤りを表示します。`,
};
