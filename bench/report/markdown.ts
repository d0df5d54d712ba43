import type { ScenarioResult, Table } from "../support/scenario";

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function tableMarkdown(table: Table): string {
  const lines = [`**${table.title}**`, "", `| ${table.head.map(cell).join(" | ")} |`, `|${table.head.map(() => "---").join("|")}|`];
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  for (const note of table.notes ?? []) lines.push("", `_${note}_`);
  return lines.join("\n");
}

/** The whole run as Markdown: a section per scenario with its tables and charts. */
export function reportMarkdown(meta: { date: string; machine: string; wallMs: number }, results: Record<string, ScenarioResult>, chartDir = "."): string {
  const parts = [`# Benchmark results, ${meta.date}`, "", `${meta.machine}; the whole run took ${(meta.wallMs / 60_000).toFixed(1)} min.`, ""];
  for (const [name, result] of Object.entries(results)) {
    parts.push(`## ${result.title} (\`${name}\`)`, "", result.about, "");
    for (const table of result.tables) parts.push(tableMarkdown(table), "");
    for (const chart of result.charts) parts.push(`![${chart.title}](${chartDir}/${chart.file})`, "");
  }
  return parts.join("\n");
}
