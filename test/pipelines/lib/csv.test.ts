import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "../../../pipelines/lib/csv.js";

describe("toCsv", () => {
  it("writes RFC 4180 with CRLF, quoting only where needed", () => {
    expect(toCsv([["a", "b,c", 'd"e', "x\ny", ""], [null, "99,19%"]])).toBe('a,"b,c","d""e","x\ny",\r\n,"99,19%"\r\n');
  });

  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(toCsv([["=SUM(A1)", "+62 812", "@x", "-", "\tx", "-5", "-1234.5", "-1.234,5", "+3"]])).toBe(
      "'=SUM(A1),'+62 812,'@x,'-,'\tx,-5,-1234.5,\"-1.234,5\",+3\r\n",
    );
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["\rnext", "'\rnext"],
    ["-0,5%", "-0,5%"],
    ["Program", "Program"],
  ])("neutraliseCell(%j) = %j", (input, out) => {
    expect(neutraliseCell(input)).toBe(out);
  });
});
