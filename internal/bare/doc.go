// Command bare is a bare Bubble Tea program, the framework's own floor for
// the CPU measurement (internal/measure): one line at a chosen frame rate,
// static, or (with -every) changing as a countdown does, one character
// once every interval.
package main
