import { describe, expect, it } from "vitest";
import { dayLabel, eraYear, fiscalYearLabel, formatNumber } from "../../src/model/format.js";
import { issueDate } from "../../src/model/edition-dates.js";
import { isCalendarDate, parseFiscalYear, parseNumber, typedDecimals } from "../../src/validate/schema.js";
import { cssString } from "../../src/render/render-html.js";

describe("years and figures", () => {
  it("reads fiscal years in every way staff write them", () => {
    for (const y of [2025, "2025", "2025年度", "令和7年度", "令和７年度", "R7", "令和7"]) expect(parseFiscalYear(y)).toBe(2025);
    expect(parseFiscalYear("令和元年度")).toBe(2019);
    expect(parseFiscalYear("平成30年度")).toBe(2018);
    expect(parseFiscalYear("来年")).toBeUndefined();
    // Eras have bounds: no 令和0年, 平成 ended in its 31st year; no year before 昭和.
    expect(parseFiscalYear("令和0年度")).toBeUndefined();
    expect(parseFiscalYear("平成45年度")).toBeUndefined();
    expect(parseFiscalYear(1900)).toBeUndefined();
  });

  it("prints one convention, configurable", () => {
    expect(fiscalYearLabel(2025, "era-western")).toBe("令和7年度（2025年度）");
    expect(fiscalYearLabel(2025, "western-era")).toBe("2025（令和7）年度");
    expect(fiscalYearLabel(2019, "era")).toBe("令和元年度");
    expect(eraYear(2018)).toBe("平成30");
    // Dated to the day in the calendar the style leads with (the draft stamp has room for one).
    expect(dayLabel("2026-10-01", "era-western")).toBe("令和8年10月1日");
    expect(dayLabel("2019-05-01", "era")).toBe("令和元年5月1日");
    expect(dayLabel("2026-10-01", "western-era")).toBe("2026年10月1日");
    expect(dayLabel("2026-10-01", "western")).toBe("2026年10月1日");
    // A date's era is the era of that day: 令和 began on 2019-05-01.
    expect(dayLabel("2019-04-30", "era")).toBe("平成31年4月30日");
    expect(dayLabel("2019-05-01", "era-western")).toBe("令和元年5月1日");
    expect(issueDate("2019-04-01", "era-western")).toBe("平成31年（2019年）4月");
    expect(issueDate("1989-01-07", "western-era")).toBe("1989（昭和64）年1月");
  });

  it("reads numbers with full-width digits and commas, and prints them with commas", () => {
    expect(parseNumber("１，２３４．５")).toBe(1234.5);
    expect(parseNumber("八十")).toBeUndefined();
    expect(formatNumber(3420, 0)).toBe("3,420");
    expect(formatNumber(90, 1)).toBe("90.0");
    expect([typedDecimals("90.0"), typedDecimals(85), typedDecimals("１，２３４．５０")]).toEqual([1, 0, 2]);
  });
});

describe("edition dates and CSS strings", () => {
  it("accepts only real calendar days", () => {
    expect(isCalendarDate("2026-10-01")).toBe(true);
    expect(isCalendarDate("2026-13-45")).toBe(false);
    expect(isCalendarDate("2026-02-30")).toBe(false);
  });

  it("quotes data for running heads so it cannot leave the string or the <style> element", () => {
    const hostile = '政策"; } body { display: none } </style><script>x()</script>\\';
    const css = cssString(hostile);
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
    expect(css.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    expect(css).not.toMatch(/[<>]/);
  });
});
