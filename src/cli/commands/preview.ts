// plan-press preview: the booklet in a browser, re-rendered on every save.
import path from "node:path";
import { startPreview } from "../../preview/server.js";
import { lastPageLabels } from "../../build.js";
import { UsageError } from "../../errors.js";
import { defaultOut } from "../../editions.js";
import { dataFolder, portNumber } from "../option-values.js";
import { editionName, help, parse } from "../command-line.js";

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    data: { type: "string", default: "data" },
    edition: { type: "string", default: "official" },
    port: { type: "string", default: "0" },
  });
  if (values.help) return help("preview");
  const edition = editionName(values.edition);
  const port = portNumber(values.port);
  const outFile = path.resolve(defaultOut(edition));
  const server = await startPreview({
    dataDir: dataFolder("--data", values.data), edition, port,
    pageLabels: () => lastPageLabels(outFile),
    onRender: ({ ok, ms, problems, files }) => {
      if (files.length === 0) return;
      const names = [...new Set(files.map((f) => path.relative(process.cwd(), f)))].join("、");
      console.error(ok ? `更新しました（${(ms / 1000).toFixed(2)} 秒）: ${names}` : `エラー ${problems} 件（画面に表示しています）: ${names}`);
    },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE") throw new UsageError(`ポート ${port} は使われています。別の番号か、--port 0（自動）を指定してください。`);
    throw err;
  });
  console.log(`プレビュー: ${server.url}`);
  console.error("ブラウザで上のアドレスを開いてください。保存すると自動で更新されます（Ctrl-C で終了）。");
  await new Promise<void>((resolve) => {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(s, () => resolve());
  });
  await server.close();
  console.error("プレビューを終了しました。");
  return 0;
}
