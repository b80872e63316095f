package compare

import (
	"fmt"
	"testing"
)

// The stage benchmarks time each step of the pipeline on the synthetic
// 10-outlet event (and on 80 outlets for the stages that compare across
// outlets), so that a profile of the whole can be read stage by stage:
//
//	go test ./compare -run '^$' -bench BenchmarkStage -benchmem

// stageInput builds the articles and the result up to the stage measured.
func stageInput(b *testing.B, outlets int) (Event, []Article, *Result) {
	b.Helper()
	ev := syntheticEvent(outlets, 40, 1)
	res, err := Compare(ev, Options{Lexicon: defaultLexicon(b)})
	if err != nil {
		b.Fatal(err)
	}
	return ev, res.Articles, res
}

func BenchmarkStageClean(b *testing.B) {
	ev, _, _ := stageInput(b, 10)
	var n int64
	for _, d := range ev.Documents {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range ev.Documents {
			clean(d)
		}
	}
}

func BenchmarkStageSplit(b *testing.B) {
	_, articles, _ := stageInput(b, 10)
	var n int64
	for _, a := range articles {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			Segments(a.Text)
		}
	}
}

func BenchmarkStageAlign(b *testing.B) {
	for _, outlets := range []int{10, 80} {
		b.Run(fmt.Sprintf("outlets=%d", outlets), func(b *testing.B) {
			_, articles, _ := stageInput(b, outlets)
			b.ReportAllocs()
			for b.Loop() {
				newAligner(articles, defaultScoring).align(DefaultMinSimilarity)
			}
		})
	}
}

func BenchmarkStageDiff(b *testing.B) {
	_, _, res := stageInput(b, 10)
	b.ReportAllocs()
	for b.Loop() {
		differences(res, 0)
	}
}

func BenchmarkStageLexicon(b *testing.B) {
	_, articles, _ := stageInput(b, 10)
	lex := defaultLexicon(b)
	b.ReportAllocs()
	for b.Loop() {
		findFlags(articles, lex, nil)
	}
}

func BenchmarkStageQuotes(b *testing.B) {
	for _, outlets := range []int{10, 80} {
		b.Run(fmt.Sprintf("outlets=%d", outlets), func(b *testing.B) {
			_, articles, res := stageInput(b, outlets)
			b.ReportAllocs()
			for b.Loop() {
				findQuotes(articles)
				matchQuotes(res, clusterQuotes(articles), quoteStemIndex(articles, nil))
			}
		})
	}
}

func BenchmarkStageWordChoices(b *testing.B) {
	for _, outlets := range []int{10, 80} {
		b.Run(fmt.Sprintf("outlets=%d", outlets), func(b *testing.B) {
			_, _, res := stageInput(b, outlets)
			b.ReportAllocs()
			for b.Loop() {
				findWordChoices(res)
			}
		})
	}
}
