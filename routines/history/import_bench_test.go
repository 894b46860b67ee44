package history

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkImport is `unknot history import` of files of 50,000, 100,000
// and 200,000 sessions (exported by ExportJSON from bulk), into an empty
// history. It reports the peak of live heap during the import
// (peak-heap-MB, sampled every millisecond): it must not grow with the
// file.
//
//	go test -run '^$' -bench BenchmarkImport -benchtime 1x ./routines/history/
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{50_000, 100_000, 200_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			src, _ := openTemp(b)
			bulk(b, src, n, time.Date(1975, 1, 1, 7, 0, 0, 0, zone(1)), 2*time.Hour) // 200,000 runs 2 h apart end in 2020: none in the future
			path := filepath.Join(b.TempDir(), "export.json")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := src.ExportJSON(f, Filter{}); err != nil {
				b.Fatal(err)
			}
			f.Close()
			st, _ := os.Stat(path)
			b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				dst, _ := openTemp(b)
				runtime.GC()
				stop := sampleHeap(&peak)
				b.StartTimer()
				res, err := dst.ImportFile(path)
				b.StopTimer()
				stop()
				if err != nil || res.Added != n {
					b.Fatalf("import: %+v, %v", res, err)
				}
				dst.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// sampleHeap records in peak the most live heap seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for !done.Load() {
			metrics.Read(sample)
			*peak = max(*peak, sample[0].Value.Uint64())
			<-tick.C
		}
	}()
	return func() { done.Store(true); <-finished }
}
