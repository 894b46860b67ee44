// Package figure draws the picture of a stretch in the terminal: a simple
// jointed body (head, trunk, arms, legs) in a routine's key poses
// (routines.Picture: data, never code), in braille dots, at any size that
// holds it.
//
// Everything here is a pure function. Between interpolates two poses by
// turning each bone about its parent joint (so a limb keeps its length as
// it moves, where straight lines between points would shorten it); Along
// walks the key poses from the start to the stretch with an easing that
// starts and ends slowly; Loop walks them round, for a movement such as a
// shoulder roll. Mirror gives the other side's picture: the figure is
// drawn for the person's left, and the right is its mirror image, with
// each joint taking its twin's name, so the leg that rises in the right
// side's picture is the right leg. Draw puts a pose on a canvas of cells;
// String and Paint print it.
//
// The screens decide which pose to show from the coach's state (the
// session's segment and how far into it): nothing here keeps time.
package figure
