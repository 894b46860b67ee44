// Package report lays out unknot's report for a physio or a doctor from
// the numbers routines/history computes (record.Report): one
// self-contained HTML page (HTML), the same sections as plain text for a
// terminal or a screen reader (Plain), and the numbers as JSON (JSON).
//
// It holds no SQL and opens nothing: it takes values and writes text, so
// the same report always makes the same bytes (only the "made on" line
// carries the time it was made, from the Report's Made).
//
// The HTML has inline CSS and SVG and nothing else: no script, no font,
// image or style fetched, no link out. Its print CSS fits A4 and Letter,
// starts each section on a new page, and keeps every chart readable in
// black and white (svgchart draws them). Each chart has a title, a text
// alternative and its numbers in a table beside it. Dates and times are
// those of the clock where each session happened, as the review shows
// them. Observations ("what seems to help you") are worded as what the
// record shows, never as advice (Observations, shared with the review
// screen).
package report
