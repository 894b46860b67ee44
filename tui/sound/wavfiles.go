package sound

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
)

// wavFiles are the cues rendered at one volume, in a private folder
// (0700, files 0600) that Close removes.
type wavFiles struct {
	dir    string
	volume int
	paths  map[Cue]string
}

// file returns the path of cue c's WAV at volume, rendering every cue
// first if the volume changed or nothing was rendered yet.
func (w *wavFiles) file(c Cue, volume int, tempDir string) (string, error) {
	if w.paths == nil || w.volume != volume {
		if err := w.render(volume, tempDir); err != nil {
			return "", err
		}
	}
	return w.paths[c], nil
}

func (w *wavFiles) render(volume int, tempDir string) error {
	if w.dir == "" {
		dir, err := os.MkdirTemp(tempDir, "unknot-sound-")
		if err != nil {
			return err
		}
		w.dir = dir
	}
	for _, path := range w.paths {
		_ = os.Remove(path) // unlinking a file a player still reads is safe
	}
	w.paths = nil
	paths := make(map[Cue]string, len(Cues))
	for _, c := range Cues {
		path := filepath.Join(w.dir, c.String()+"-"+strconv.Itoa(volume)+".wav")
		if err := writeNew(path, Synth(c, volume)); err != nil {
			return err
		}
		paths[c] = path
	}
	w.paths, w.volume = paths, volume
	return nil
}

// writeNew writes a new private file; it never follows or reuses a path
// that is already there.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	return errors.Join(err, f.Close())
}

func (w *wavFiles) remove() error {
	if w.dir == "" {
		return nil
	}
	err := os.RemoveAll(w.dir)
	w.dir, w.paths = "", nil
	return err
}

// prepare renders the tones ahead of the first cue, so it starts on time.
func (p *Player) prepare() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.be.kind == Tones && p.broken == "" && p.volume > 0 && (p.wavs.paths == nil || p.wavs.volume != p.volume) {
		if err := p.wavs.render(p.volume, p.tempDir); err != nil {
			p.failAll("could not write the tones to play: " + err.Error())
		}
	}
}
