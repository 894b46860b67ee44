// Package svgchart draws the few charts unknot's report needs (bars
// against a target, lines, steps) as self-contained SVG text: no script,
// no fonts or images fetched, the same bytes for the same numbers.
//
// Every chart is an accessible image: role="img", a <title> and a <desc>
// (its text alternative) referenced by aria-labelledby, with ids made from
// the chart's ID. The report puts each chart's numbers in a table beside
// it, so the picture is never the only carrier of a number.
//
// The charts read in black and white: one series is a solid dark line
// with filled circles, the other a dashed grey line with open squares;
// bars are dark grey and the target a dashed line; nothing relies on
// colour. They scale to the width of the page (a viewBox, width 100%).
package svgchart
