package compare

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/slant-news/slant/internal/growth"
)

// probeWant is what one page of testdata/html-probe must give.
type probeWant struct {
	outlet, outletFrom, headline, published string
	// sentences are the story's sentences, every one and nothing else.
	sentences []string
	captions  []string
	// removed maps lines of furniture to the rule that removes them.
	removed map[string]string
	// quotes maps the start of a quotation to how many quotes start so.
	quotes map[string]int
	// speakers maps the start of a quotation to its speaker.
	speakers map[string]string
}

// TestHTMLProbePages reads pages in the shapes news sites give them
// (metadata in Open Graph and JSON-LD, AMP, a live blog, a story broken by
// advertisements, embedded posts and pull quotes, a paywall, a related
// story's teaser, <br> paragraphs, <div>s only, headings and lists,
// entities, other character sets, a page saved by a browser) and checks
// that each story is read whole and alone, with its headline, date and
// outlet, and each quotation once.
func TestHTMLProbePages(t *testing.T) {
	tests := map[string]probeWant{
		"ledger-meta.html": {
			outlet: "Harbor Ledger", outletFrom: "html", published: "2026-03-02",
			// The <h1> readers see, not the og:title.
			headline: "Marisol ferry grounded on Gullet sandbar; all 212 passengers rescued",
			sentences: []string{
				"Lifeboat crews worked through the night as Storm Wendel battered the harbour mouth.",
				"The passenger ferry Marisol ran aground on the Gullet sandbar at the mouth of Portvale harbour on Monday evening, and all 212 passengers and 14 crew were taken off by lifeboat.",
				"Nobody was seriously hurt, the coastguard said, although six people were treated for the cold at Portvale General Hospital.",
				"“We were lucky the tide was rising,” said Edda Koval, the harbour master.",
				"“The crew did everything right.”",
				"Gusts of up to 90 km/h were recorded at the harbour wall as Storm Wendel crossed the coast.",
				"The Maritime Safety Board said it had opened an investigation.",
				"The ship’s operator, Brightwater Lines, said it hoped to refloat her on Wednesday.",
			},
			captions: []string{"The Marisol lies on the Gullet sandbar on Monday evening."},
			removed: map[string]string{
				"Photograph: Ivo Brandt/Harbor Ledger":                                 RuleCopyright,
				"We value your privacy":                                                RuleWidget,
				"Get the Ledger in your inbox":                                         RuleWidget,
				"Marisol ferry grounded on Gullet sandbar; all 212 passengers rescued": RuleHeadline,
			},
			quotes: map[string]int{"We were lucky": 1},
		},
		"herald-amp.html": {
			outlet: "Ostrel Herald", outletFrom: "html", published: "2026-03-03",
			headline: "Portvale ferry stranded on sandbar",
			sentences: []string{
				"A Brightwater Lines ferry carrying 212 passengers went aground outside Portvale late on Monday, forcing a night-long rescue in gale-force winds.",
				"The Marisol struck the Gullet sandbar shortly after 6pm.",
				"Coastguard and volunteer lifeboat crews took everyone off by 3am.",
				`Harbour master Edda Koval told the Herald: "We were lucky the tide was rising."`,
				"Passenger Tomas Reyne, 54, said the impact threw people from their seats.",
				`"It felt like hitting a wall," he said.`,
				"The Maritime Safety Board has opened an inquiry.",
			},
			captions: []string{"Lifeboats alongside the Marisol. (Ostrel Herald/Jan Weir)"},
			removed:  map[string]string{"Advertisement": RuleHTMLExtractor},
		},
		"bugle-live.html": {
			outlet: "Quillton Bugle", outletFrom: "html", published: "2026-03-02",
			headline: "Marisol ferry aground at Portvale: latest updates",
			sentences: []string{
				"The ferry Marisol ran aground on the Gullet sandbar on Monday evening with 212 passengers on board.",
				"All passengers and crew were taken off by lifeboat overnight.",
				"Operator Brightwater Lines hopes to refloat the ship on Wednesday.",
				"Brightwater Lines says salvage tugs will try to pull the Marisol off the sandbar at high tide on Wednesday morning.",
				"The coastguard says the last lifeboat has reached the quay.",
				"Everyone is accounted for.",
				"Six people are being treated for the cold at Portvale General Hospital.",
				"Harbour master Edda Koval has been speaking to reporters at the quay.",
				"“We were lucky the tide was rising.",
				"The crew did everything right.”",
				"Winds are gusting at 90 km/h at the harbour wall, the Met Office says.",
				"Reports are coming in that a passenger ferry has run aground at the mouth of Portvale harbour.",
				"We will bring you more as we get it.",
			},
			// The badge and the key points' heading are no photo captions;
			// the entries' titles are no sentences of the story.
			captions: []string{},
			removed: map[string]string{"08:05 GMT": RuleDateline, "LIVE": RuleCaption,
				"Refloating planned for Wednesday": RuleSubheading, "Last passengers ashore": RuleSubheading,
				"‘We were lucky the tide was rising’": RuleSubheading, "Ferry reported aground": RuleSubheading},
			quotes: map[string]int{"We were lucky": 1},
		},
		"post-inline.html": {
			outlet: "Portvale Post", outletFrom: "html", published: "2026-03-03",
			headline: "Inside the night the Marisol hit the Gullet",
			sentences: []string{
				"The Marisol had left Portvale at 5.40pm for the two-hour crossing to Ostrel when her captain turned back into the gale.",
				"Twenty minutes later the ferry struck the Gullet sandbar, a shifting bank of sand at the harbour mouth that pilots have long warned about.",
				"“It felt like hitting a wall,” said Tomas Reyne, 54, who was travelling with his daughter.",
				"“Cups and bags flew across the lounge.”",
				"The crew handed out life jackets and gathered passengers on the upper deck while the lifeboats came out.",
				"Storm Wendel brought gusts of up to 90 km/h, and waves of four metres broke over the bar through the night.",
				"By 3am all 212 passengers and 14 crew were ashore.",
				"Harbour master Edda Koval praised the crew.",
				"“We were lucky the tide was rising,” she said.",
				"The sandbar has caught three vessels in the past ten years, according to figures from the port authority.",
				"The Maritime Safety Board said on Tuesday it would examine whether the port should have closed the channel earlier.",
			},
			captions: []string{
				"Passengers wrapped in blankets on the quay early on Tuesday. Photo: Lina Stroud/Portvale Post",
				"Groundings on the Gullet sandbar",
			},
			removed: map[string]string{
				"“It felt like hitting a wall”":        RulePullQuote,
				"Read more":                            RuleRelated,
				"View this post on Instagram":          RuleEmbed,
				"A post shared by Mia Lund (@mialund)": RuleEmbed,
				"Sign up to The Quay":                  RuleWidget,
				"The Post's weekly newsletter on everything that moves in and out of Portvale harbour.": RuleWidget,
				"— Portvale Coastguard (@PortvaleCG) March 2, 2026":                                     RuleEmbed,
			},
			quotes: map[string]int{"It felt like hitting a wall": 1, "We were lucky": 1},
		},
		"ledger-paywall.html": {
			outlet: "Harbor Ledger", outletFrom: "html", published: "2026-03-04",
			headline: "Gullet sandbar: pilots warned port for years",
			sentences: []string{
				"Harbour pilots warned Portvale's port authority at least four times since 2022 that the Gullet sandbar was building up, letters seen by the Ledger show.",
				"The warnings came years before the ferry Marisol ran aground there on Monday with 212 passengers on board.",
			},
			removed: map[string]string{
				"Subscribe to continue reading": RuleWidget,
				"You have read all of your free articles this month. Subscribe now for unlimited access to the Harbor Ledger, from just £1 a week.": RuleWidget,
				"Already a subscriber? Log in": RuleWidget,
			},
		},
		"herald-two.html": {
			outlet: "Ostrel Herald", outletFrom: "html", published: "2026-03-03",
			headline: "Ferry passengers tell of terror on the Gullet",
			sentences: []string{
				"Passengers rescued from the stranded ferry Marisol described on Tuesday how the ship lurched and tilted as she hit the Gullet sandbar outside Portvale.",
				"Many of the 212 passengers were Ostrel residents heading home after the weekend market.",
				`"It felt like hitting a wall," said Tomas Reyne, 54, from Ostrel.`,
				"Mia Lund, 23, said she waited for two hours on the upper deck before a lifeboat reached her.",
				`"Everyone was calm, which surprised me," she said.`,
				"Harbour master Edda Koval said the crew did everything right.",
				"The Maritime Safety Board is investigating.",
			},
			removed: map[string]string{"Station manager Ruth Eke said the crew had been stretched thin by a busy winter. Training sessions start in April.": RuleRelated},
		},
		"bugle-br.html": {
			// No metadata: the outlet from the copyright line outside
			// the article, the date from the line under the headline.
			outlet: "Quillton Bugle", outletFrom: "copyright", published: "2026-03-03",
			headline: "Ferry aground at Portvale",
			sentences: []string{
				"The ferry Marisol ran aground on the Gullet sandbar outside Portvale on Monday night with 212 passengers aboard.",
				"All passengers and crew were brought ashore by lifeboats before dawn, the coastguard said.",
				`"We were lucky the tide was rising," harbour master Edda Koval said.`,
				"Winds of up to 90 km/h were reported at the time.",
				"The Maritime Safety Board is looking into what happened.",
				"Brightwater Lines, which runs the ferry, said the ship would be refloated on Wednesday.",
			},
			removed: map[string]string{"Posted March 3, 2026 by Staff": RuleHTMLExtractor},
		},
		"post-divs.html": {
			outlet: "Portvale Post", outletFrom: "html", published: "2026-03-03",
			headline: "Ferry grounding: what we know",
			sentences: []string{
				"The ferry Marisol ran aground on the Gullet sandbar at the mouth of Portvale harbour on Monday evening.",
				"All 212 passengers and 14 crew were rescued by lifeboat crews from Portvale and Ostrel.",
				"“We were lucky the tide was rising,” said harbour master Edda Koval.",
				"The ship’s owner, Brightwater Lines, said salvage tugs would try to refloat her on Wednesday.",
				"The Maritime Safety Board has opened an investigation into the grounding.",
			},
		},
		"herald-structure.html": {
			outlet: "Ostrel Herald", outletFrom: "html", published: "2026-03-04",
			headline: "Marisol grounding: the questions for Portvale's port",
			sentences: []string{
				"Two days after the ferry Marisol ran aground on the Gullet sandbar, attention has turned to the port authority that is meant to keep the channel clear.",
				"The Marisol struck the sandbar at about 6pm on Monday in gusts of 90 km/h.",
				"Everyone on board was rescued.",
				"Three bodies are looking at the grounding:",
				"the Maritime Safety Board, which looks into every serious accident at sea;",
				"the port authority, which runs its own review;",
				"Brightwater Lines, the ferry's owner.",
				"Edda Koval spoke to reporters on the quay on Monday night.",
				"“We were lucky the tide was rising.",
				"The crew did everything right, and every one of those lifeboat volunteers deserves our thanks.”",
				"Salvage tugs will try to refloat the ship on Wednesday.",
				"Divers will then inspect the hull.",
				"The board expects to publish its first findings within a month.",
				"The port authority has not said when the channel will reopen.",
			},
			// The sections' headings, questions as they are, are no
			// sentences of the story.
			removed: map[string]string{"What happened?": RuleSubheading, "Who is investigating?": RuleSubheading,
				"What did the harbour master say?": RuleSubheading, "What happens next?": RuleSubheading},
			quotes: map[string]int{"We were lucky the tide was rising. The crew did everything right": 1},
		},
		"bugle-entities.html": {
			outlet: "Quillton Bugle", outletFrom: "html", published: "2026-03-03",
			headline: "‘Like hitting a wall’: ferry passengers describe grounding",
			sentences: []string{
				"Passengers on the Marisol described the moment the ferry hit the Gullet sandbar as “terrifying” and “like slow motion”.",
				"“It felt like hitting a wall,” said Tomas Reyne.",
				"“I didn’t know whether we’d tip over.”",
				"Harbour master Edda Koval said: “We were lucky the tide was rising … the crew did everything right.”",
				"The ferry’s owner said the ship would be refloated on Wednesday — weather permitting.",
			},
			quotes: map[string]int{"It felt like hitting a wall": 1, "We were lucky the tide was rising … the crew": 1},
		},
		"ledger-cp1252.html": {
			// The <h1>, which the <title> shortens, is the headline and
			// no caption.
			outlet: "Harbor Ledger", outletFrom: "html", published: "2026-03-03",
			headline: "Ferry aground off Portvale – café owner’s lifeboat dash",
			sentences: []string{
				"María José Ibáñez, who runs the café on Portvale quay, helped crew a lifeboat that reached the stranded ferry Marisol on Monday night.",
				"“We were lucky the tide was rising,” said the harbour master, Edda Koval.",
				"“The crew did everything right.”",
				"The ship’s 212 passengers were brought ashore by 3am — cold but unhurt.",
				"Water temperature was 8°C, the coastguard said, and the rescue cost the port about €40,000.",
			},
			captions: []string{},
		},
		"post-latin1.html": {
			// Declared ISO-8859-1, with Windows-1252's curly quotes and
			// euro sign, as such pages are.
			outlet: "Portvale Post", outletFrom: "html", published: "2026-03-03",
			headline: "Ferry aground off Portvale – café owner’s lifeboat dash",
			sentences: []string{
				"María José Ibáñez, who runs the café on Portvale quay, helped crew a lifeboat that reached the stranded ferry Marisol on Monday night.",
				"“We were lucky the tide was rising,” said the harbour master, Edda Koval.",
				"“The crew did everything right.”",
				"The ship’s 212 passengers were brought ashore by 3am — cold but unhurt.",
				"Water temperature was 8°C, the coastguard said, and the rescue cost the port about €40,000.",
			},
		},
		"post-saved.html": {
			outlet: "Portvale Post", outletFrom: "html", published: "2026-03-04",
			headline: "Salvage tugs reach stranded ferry Marisol",
			sentences: []string{
				"Two salvage tugs arrived at the Gullet sandbar on Wednesday morning to try to pull the ferry Marisol free on the high tide.",
				"The ship has been stuck since Monday evening, when she ran aground with 212 passengers and 14 crew on board.",
				"Brightwater Lines said divers had found no hole in the hull.",
				`"The ship is sound," a company spokesperson said.`,
				"Harbour master Edda Koval said the channel would stay closed until the ship had been moved.",
			},
		},
		"ledger-pullquotes.html": {
			outlet: "Harbor Ledger", outletFrom: "html", published: "2026-03-05",
			headline: "Lifeboat volunteers: 'We just went'",
			sentences: []string{
				"When the pager went off at 6.12pm on Monday, Ana Brook was halfway through cooking dinner.",
				"Within eleven minutes the Portvale lifeboat was at sea, heading for the stranded ferry Marisol.",
				"“Nobody thought twice.",
				"We just went,” said Ms Brook, who has volunteered for nine years.",
				"The crew made six trips to the ferry through the night, bringing 94 people ashore.",
				"Coxswain Rob Tarn said conditions were the worst he had seen.",
				"“The swell was four metres on the bar,” he said.",
				"“You could not see the ferry between the waves.”",
				"The station has asked the public not to send gifts but to sign up as volunteers instead.",
				"Its next training night is on Thursday.",
			},
			removed: map[string]string{
				"“Nobody thought twice. We just went.”":                    RulePullQuote,
				"The crew made six trips to the ferry through the night":   RulePullQuote,
				"“The swell was four metres on the bar”":                   RulePullQuote,
				"You could not see the ferry between the waves — Rob Tarn": RulePullQuote,
			},
			quotes: map[string]int{"Nobody thought twice": 1, "The swell was four metres": 1},
		},
		"bugle-mojibake.html": {
			// UTF-8 with few accented letters and no declared character
			// set: the lead, which holds "café", is the story's.
			outlet: "Bugle Mojibake", outletFrom: "file",
			headline: "Café reopens on the quay - Quillton Bugle",
			sentences: []string{
				"The café on the quay reopened at six on Tuesday morning after the storm.",
				"Nobody was hurt in the grounding of the ferry Marisol, the coastguard said.",
				"The owner said trade had been slow all week because of the weather.",
			},
		},
		"post-shy.html": {
			outlet: "Portvale Post", outletFrom: "html",
			headline: "Marisol refloated at high tide",
			sentences: []string{
				"Salvage tugs refloated the ferry Marisol on Wednesday morning, two days after she ran aground on the Gullet sandbar.",
				"The operation took about three hours, Brightwater Lines said, and the ship was towed to the repair yard.",
				"Harbour master Edda Koval said the channel would reopen on Thursday.",
			},
		},
		"herald-logo-h1.html": {
			// A logo in an <h1> is no headline; a story in a box classed
			// "promo-enabled newsletter-signup-slot" is still the story;
			// a block quotation named by its figure's caption is a quote,
			// and the caption names its speaker.
			outlet: "Ostrel Herald", outletFrom: "html", published: "2026-03-06",
			headline: "Brightwater Lines says sorry for Marisol grounding",
			sentences: []string{
				"Brightwater Lines apologised on Friday to the 212 passengers of the ferry Marisol, which ran aground on the Gullet sandbar on Monday.",
				"Lena Varga, chief executive: “We let our passengers down, and we are deeply sorry.”",
				"The company will refund every ticket and pay for passengers' hotel rooms.",
			},
			quotes:   map[string]int{"We let our passengers down": 1},
			speakers: map[string]string{"We let our passengers down": "Lena Varga"},
		},
		"ledger-standfirst.html": {
			// A standfirst without a full stop opens the story, as one
			// with a full stop would; the sections' headings are no
			// sentences, but one that states a claim is; the block
			// quotation's signature names its speaker; a table's rows
			// of figures are listed as a table, not as a widget.
			outlet: "Harbor Ledger", outletFrom: "html", published: "2026-03-05",
			headline: "Pilots warned port about Gullet sandbar for years",
			sentences: []string{
				"Letters seen by the Ledger show the port authority was told four times that the channel was silting up, years before the Marisol ran aground",
				"Harbour pilots warned Portvale's port authority at least four times since 2022 that the Gullet sandbar was building up, according to letters seen by the Ledger.",
				"The ferry Marisol ran aground on the sandbar on Monday evening with 212 passengers and 14 crew on board.",
				"The first letter, sent in May 2022, asked the authority to survey the channel before the winter storms.",
				`The last, sent in November 2025, said the bar had moved "far enough to catch a ferry on a low tide".`,
				"The port says it acted on every warning.",
				"A spokesperson for the port authority said surveys had been carried out each spring.",
				"Oskar Brandt, harbour board chair: “We take every report from our pilots seriously, and we will publish the surveys in full.”",
				"The Maritime Safety Board said it would ask to see the letters as part of its investigation.",
			},
			captions: []string{"Vessels grounded on the Gullet sandbar"},
			removed: map[string]string{
				"What the letters say":             RuleSubheading,
				"Groundings since 2017":            RuleSubheading,
				"Year | Vessel | On board":         RuleTable,
				"2021 | Ostrel Star (ferry) | 180": RuleTable,
				"Thu 5 Mar 2026 07.30 GMT":         RuleHTMLExtractor,
			},
			quotes:   map[string]int{"We take every report": 1},
			speakers: map[string]string{"We take every report": "Oskar Brandt"},
		},
		"bugle-opinion.html": {
			// An opinion piece: its standfirst, set in a heading, opens
			// it; its pull-out gives a sentence again; its headings are
			// no sentences; the <footer> of a block quotation names its
			// speaker; the columnist's note names the outlet.
			outlet: "Quillton Bugle", outletFrom: "html", published: "2026-03-06",
			headline: "The Gullet was a disaster waiting to happen",
			sentences: []string{
				"Portvale's port authority had every chance to clear the channel, and every excuse not to",
				"Nobody who has sailed out of Portvale in the past five years will be surprised that a ferry finally hit the Gullet sandbar.",
				"The bar has been creeping across the channel since the dredger was sold in 2019.",
				"Selling the dredger saved the port about €300,000 a year.",
				"That is a fraction of what Monday night's rescue will cost.",
				"The harbour board chair, Oskar Brandt, has promised to publish the surveys.",
				"Oskar Brandt: “We take every report from our pilots seriously.”",
				"That is not enough.",
				"The board should say why it ignored its own pilots.",
			},
			captions: []string{},
			removed: map[string]string{
				"“The bar has been creeping across the channel since the dredger was sold in 2019.”": RulePullQuote,
				"A cheap saving":      RuleSubheading,
				"Who answers for it?": RuleSubheading,
				"Teodor Vass is a columnist for the Quillton Bugle.": RuleByline,
			},
			speakers: map[string]string{"We take every report": "Oskar Brandt"},
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "html-probe", name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := newDocument(path, stem(path), "html", data, "")
			if err != nil {
				t.Fatal(err)
			}
			articles, err := ExtractQuotes(Event{Documents: []Document{doc}})
			if err != nil {
				t.Fatal(err)
			}
			checkProbe(t, articles[0], want)
		})
	}
}

func checkProbe(t *testing.T, a Article, want probeWant) {
	t.Helper()
	checkArticleSpans(t, a, "html")
	if a.Outlet != want.outlet || a.OutletFrom != want.outletFrom {
		t.Errorf("outlet %q from %q, want %q from %q", a.Outlet, a.OutletFrom, want.outlet, want.outletFrom)
	}
	if a.Headline != want.headline {
		t.Errorf("headline %q, want %q", a.Headline, want.headline)
	}
	if a.Published != want.published {
		t.Errorf("published %q, want %q", a.Published, want.published)
	}
	var got []string
	for _, s := range a.Sentences {
		got = append(got, s.Text)
	}
	if !slices.Equal(got, want.sentences) {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want.sentences, "\n"))
	}
	if want.captions != nil && !slices.Equal(nonNilStrings(a.Captions), want.captions) {
		t.Errorf("captions %q, want %q", a.Captions, want.captions)
	}
	for text, rule := range want.removed {
		i := slices.IndexFunc(a.Removed, func(r Removal) bool { return r.Text == text })
		switch {
		case i < 0:
			t.Errorf("%q not removed; removed %q", text, removalLines(a.Removed))
		case a.Removed[i].Rule != rule:
			t.Errorf("%q removed by %s, want %s", text, a.Removed[i].Rule, rule)
		}
	}
	for start, n := range want.quotes {
		count := 0
		for _, q := range a.Quotes {
			if strings.HasPrefix(q.Text, start) {
				count++
			}
		}
		if count != n {
			var quotes []string
			for _, q := range a.Quotes {
				quotes = append(quotes, q.Text)
			}
			t.Errorf("%d quotes start %q, want %d; quotes %q", count, start, n, quotes)
		}
	}
	for start, speaker := range want.speakers {
		i := slices.IndexFunc(a.Quotes, func(q Quote) bool { return strings.HasPrefix(q.Text, start) })
		switch {
		case i < 0:
			t.Errorf("no quote starts %q", start)
		case a.Quotes[i].Speaker != speaker:
			t.Errorf("quote %q has speaker %q, want %q", a.Quotes[i].Text, a.Quotes[i].Speaker, speaker)
		}
	}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestHTMLNoArticle checks that a page with no story in it (a section
// front, an error page, a consent wall before a page built by JavaScript)
// is refused with a message naming it, rather than compared as its menus,
// and that one with no text at all is still an empty article.
func TestHTMLNoArticle(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"section front", "ledger-section.html", "no article in this page: no paragraph of running text"},
		{"error page", "post-404.html", `no article in this page: it says "Page not found | Portvale Post"`},
		{"consent wall", "herald-consent-only.html", "no article in this page: no paragraph of running text"},
		{"script only", `<html><head><title>Ferry latest</title></head><body><div id="app"></div><script>render()</script></body></html>`, "empty article"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.page)
			if strings.HasSuffix(tc.page, ".html") {
				var err error
				if data, err = os.ReadFile(filepath.Join("testdata", "html-probe", tc.page)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := newDocument("page.html", "page", "html", data, "")
			wantInputError(t, err, "page.html", tc.want)
		})
	}
	// A story in a language written without spaces is one.
	page := `<html><head><title>渡轮搁浅</title></head><body><article><p>周一晚上，渡轮玛丽索尔号在波特维尔港口的沙洲上搁浅，船上二百一十二名乘客全部获救。</p></article></body></html>`
	if _, err := newDocument("zh.html", "zh", "html", []byte(page), ""); err != nil {
		t.Errorf("a story in Chinese is refused: %v", err)
	}
	// An article whose headline says something was not found is one.
	page = `<html><head><title>Missing sailor not found after three days | Harbor Ledger</title></head><body><article>
<h1>Missing sailor not found after three days</h1>
<p>The search for a sailor missing off Portvale since Monday was called off on Thursday.</p>
</article></body></html>`
	if _, err := newDocument("sailor.html", "sailor", "html", []byte(page), ""); err != nil {
		t.Errorf("an article headlined 'not found' is refused: %v", err)
	}
}

// TestHTMLCaptionsOnce checks that a caption a page gives twice (the lead
// photo's, again in a gallery) is listed once.
func TestHTMLCaptionsOnce(t *testing.T) {
	page := `<html><body><article><figure><img src="a.jpg"><figcaption>Tugs at dawn.</figcaption></figure>
<p>Salvage tugs refloated the ferry Marisol on Wednesday, two days after she ran aground.</p>
<figure><img src="a.jpg"><figcaption>Tugs at dawn.</figcaption></figure></article></body></html>`
	if doc, err := newDocument("tugs.html", "tugs", "html", []byte(page), ""); err != nil {
		t.Error(err)
	} else if a, err := buildArticle(doc); err != nil || !slices.Equal(a.Captions, []string{"Tugs at dawn."}) {
		t.Errorf("captions %q (%v), want the one caption once", a.Captions, err)
	}
}

// TestFetchHTMLProbePages serves probe pages over a loopback server, as
// sites send them (a page in Windows-1252 with no character set in the
// header, one in ISO-8859-1 with and without it named in the header, a
// soft error page sent with status 200, a section front), and checks that
// Load reads them as from files, and refuses the pages with no article.
func TestFetchHTMLProbePages(t *testing.T) {
	page := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "html-probe", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	serve := map[string]struct {
		ctype string
		body  []byte
	}{
		"/ledger/ferry":   {"text/html", page("ledger-cp1252.html")},
		"/post/ferry":     {"text/html; charset=ISO-8859-1", page("post-latin1.html")},
		"/post/untyped":   {"text/html", page("post-latin1.html")},
		"/bugle/cafe":     {"text/html; charset=utf-8", page("bugle-mojibake.html")},
		"/post/inside":    {"text/html; charset=utf-8", page("post-inline.html")},
		"/post/gone":      {"text/html; charset=utf-8", page("post-404.html")},
		"/ledger/section": {"text/html; charset=utf-8", page("ledger-section.html")},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := serve[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ctype)
		w.Write(p.body)
	}))
	defer srv.Close()
	opts := LoadOptions{Client: NewHTTPClient(10 * time.Second)}

	urls := []string{srv.URL + "/ledger/ferry", srv.URL + "/post/ferry", srv.URL + "/bugle/cafe", srv.URL + "/post/inside", srv.URL + "/post/untyped"}
	ev, err := Load(context.Background(), urls, opts)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := ExtractQuotes(ev)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]Article{}
	for _, a := range articles {
		bySource[a.Source] = a
	}
	for i, name := range []string{"ledger-cp1252.html", "post-latin1.html", "bugle-mojibake.html", "post-inline.html", "post-latin1.html"} {
		a, ok := bySource[urls[i]]
		if !ok {
			t.Fatalf("no article from %s", urls[i])
		}
		doc, err := newDocument(name, stem(name), "html", page(name), "")
		if err != nil {
			t.Fatal(err)
		}
		fromFile, err := buildArticle(doc)
		if err != nil {
			t.Fatal(err)
		}
		if a.Headline != fromFile.Headline || a.Published != fromFile.Published || len(a.Sentences) != len(fromFile.Sentences) {
			t.Errorf("%s: headline %q, published %q, %d sentences; from the file %q, %q, %d", urls[i],
				a.Headline, a.Published, len(a.Sentences), fromFile.Headline, fromFile.Published, len(fromFile.Sentences))
		}
		for j := range min(len(a.Sentences), len(fromFile.Sentences)) {
			if a.Sentences[j].Text != fromFile.Sentences[j].Text {
				t.Errorf("%s: sentence %d %q, from the file %q", urls[i], j, a.Sentences[j].Text, fromFile.Sentences[j].Text)
			}
		}
	}
	if a := bySource[urls[0]]; !strings.Contains(a.Sentences[0].Text, "María José Ibáñez") {
		t.Errorf("Windows-1252 page sent without a character set read as %q", a.Sentences[0].Text)
	}

	for path, want := range map[string]string{
		"/post/gone":      `no article in this page: it says "Page not found`,
		"/ledger/section": "no article in this page",
	} {
		_, err := Load(context.Background(), []string{srv.URL + path}, opts)
		wantInputError(t, err, srv.URL+path, want)
	}
}

// TestIsPaywallPrompt checks the lines a paywall sets where a story stops,
// and that story sentences opening with the same words stay.
func TestIsPaywallPrompt(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Subscribe to continue reading", true},
		{"Subscribe now to keep reading", true},
		{"Sign in or subscribe to continue reading this article.", true},
		{"Log in to keep reading", true},
		{"Create a free account to continue reading", true},
		{"To continue reading, please subscribe.", true},
		{"Continue reading with a subscription", true},
		{"You have read all of your free articles this month. Subscribe now for unlimited access, from £1 a week.", true},
		{"You've reached your monthly article limit.", true},
		{"Already a subscriber? Log in", true},
		{"This article is for subscribers only.", true},
		{"This story is only available to paying subscribers.", true},
		{"Subscribe now for unlimited access to the Harbor Ledger.", true},
		{"Get unlimited digital access for £1 a week", true},
		{"Subscribers to the ferry service will get a refund, the company said.", false},
		{"You have read the council's report, the mayor told critics.", false},
		{"Continue reading the council's report and you will find the warnings, she said.", false},
		{"This article of the treaty is for members of the council to decide.", false},
		{"Already the ferry had been refloated.", false},
		{"Get the ferry back to sea, the harbour master urged.", false},
	} {
		if got := isSitePrompt(tc.s); got != tc.want {
			t.Errorf("isSitePrompt(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if got := lineRule(tc.s) == RuleWidget; got != tc.want {
			t.Errorf("lineRule(%q) = %q", tc.s, lineRule(tc.s))
		}
	}
}

// TestBlockQuotations checks that a block quotation without marks is set
// in them when its source is named or a lead-in introduces it, and only
// then.
func TestBlockQuotations(t *testing.T) {
	lead := `<p>Brightwater Lines apologised on Friday to the 212 passengers of the ferry Marisol.</p>`
	// speaker is who the quotation's first quote is attributed to.
	for _, tc := range []struct{ name, body, want, speaker string }{
		{"figure caption", `<figure><blockquote><p>We let our passengers down.</p></blockquote><figcaption>— Lena Varga</figcaption></figure>`, "Lena Varga: “We let our passengers down.”", "Lena Varga"},
		{"footer", `<blockquote><p>We let our passengers down.</p><footer>Lena Varga, chief executive</footer></blockquote>`, "Lena Varga, chief executive: “We let our passengers down.”", "Lena Varga"},
		{"cite in the line", `<blockquote><p>We let our passengers down, <cite>Lena Varga</cite> wrote.</p></blockquote>`, "“We let our passengers down, Lena Varga wrote.”", ""},
		{"dash line inside", `<blockquote><p>We let our passengers down.</p>— Lena Varga</blockquote>`, "Lena Varga: “We let our passengers down.”", "Lena Varga"},
		{"dash line after", `<blockquote>We let our passengers down.</blockquote><p>– Lena Varga, chief executive</p>`, "Lena Varga, chief executive: “We let our passengers down.”", "Lena Varga"},
		{"two dashes, a full stop", `<blockquote><p>“We let our passengers down.”</p></blockquote><p>-- Lena Varga, chief executive.</p>`, "Lena Varga, chief executive: “We let our passengers down.”", "Lena Varga"},
		{"horizontal bar", `<blockquote><p>We let our passengers down.</p></blockquote><p>―Lena Varga</p>`, "Lena Varga: “We let our passengers down.”", "Lena Varga"},
		{"lead-in", `<p>The chief executive, Lena Varga, said in a statement:</p><blockquote>We let our passengers down.</blockquote>`, "“We let our passengers down.”", "Lena Varga"},
		{"no source", `<blockquote>We let our passengers down.</blockquote>`, "We let our passengers down.", ""},
		{"marks of its own", `<blockquote>“We let our passengers down.” — Lena Varga</blockquote>`, "Lena Varga: “We let our passengers down.”", "Lena Varga"},
		{"a hyphen and an apostrophe in the name", `<blockquote>“We let our passengers down.” - Anne-Marie O’Neill</blockquote>`, "Anne-Marie O’Neill: “We let our passengers down.”", "Anne-Marie O’Neill"},
		{"two paragraphs", `<blockquote><p>We let our passengers down.</p><p>We will do better.</p><cite>Lena Varga</cite></blockquote>`, "We let our passengers down.", ""},
		{"two quoted paragraphs", `<blockquote><p>“We let our passengers down.</p><p>We will do better.”</p></blockquote><p>— Lena Varga</p>`, "Lena Varga: “We let our passengers down.", "Lena Varga"},
		{"a quoted paragraph, signed under it", `<p>“We let our passengers down.”</p><p>— Lena Varga, chief executive</p>`, "Lena Varga, chief executive: “We let our passengers down.”", "Lena Varga"},
		{"a tweet", `<blockquote class="twitter-tweet"><p>We let our passengers down.</p>— Brightwater Lines</blockquote>`, "We let our passengers down.", ""},
		{"no name after the dash", `<blockquote><p>We let our passengers down.</p></blockquote><p>— from a letter to passengers</p>`, "“We let our passengers down.”", ""},
		{"prose in the box", `<blockquote><p>The company said “sorry” twice.</p></blockquote><p>— Lena Varga</p>`, "The company said “sorry” twice.", "Brightwater Lines"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc Document
			if err := extractHTML(&doc, "<html><body><article>"+lead+tc.body+"</article></body></html>"); err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(strings.Split(doc.Text, "\n\n"), tc.want) {
				t.Errorf("no block %q in %q", tc.want, doc.Text)
			}
			doc.Source, doc.Name, doc.Kind, doc.Outlet, doc.OutletFrom = "b.html", "b", "html", "B", "manifest"
			articles, err := ExtractQuotes(Event{Documents: []Document{doc}})
			if err != nil {
				t.Fatal(err)
			}
			a := articles[0]
			if speaker := ""; tc.speaker != "" || len(a.Quotes) > 0 {
				if len(a.Quotes) > 0 {
					speaker = a.Quotes[0].Speaker
				}
				if speaker != tc.speaker {
					t.Errorf("first quote's speaker %q, want %q (quotes %+v)", speaker, tc.speaker, a.Quotes)
				}
			}
		})
	}
}

// TestSubheadings checks which headings inside a story are subheadings,
// kept out of its sentences, and which stay in it.
func TestSubheadings(t *testing.T) {
	const first = `<p>Salvage tugs reached the stranded ferry Marisol on the Gullet sandbar on Wednesday morning.</p>`
	const last = `<p>The Maritime Safety Board said it would publish its first findings within a month.</p>`
	for _, tc := range []struct {
		name, heading string
		// rule is the rule that removes the heading, or "" when it is a
		// sentence of the story.
		rule string
		// after puts the heading after the story's last paragraph.
		after bool
	}{
		{"a question", `<h2>What happens next?</h2>`, RuleSubheading, false},
		{"a label", `<h3>Last passengers ashore</h3>`, RuleSubheading, false},
		{"a claim with a full stop", `<h2>The port says it acted on every warning.</h2>`, "", false},
		{"a paragraph set as a heading", `<h3>Salvage crews said on Tuesday that the tugs would try again at high tide on Wednesday morning</h3>`, "", false},
		{"related stories", `<h2>Related stories</h2>`, RuleRelated, false},
		{"a heading after the story", `<h2>Harbour notebook</h2>`, RulePageTail, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := first + tc.heading + last
			if tc.after {
				body = first + last + tc.heading
			}
			page := "<html><head><title>Tugs reach the Marisol</title></head><body><article><h1>Tugs reach the Marisol</h1>" + body + "</article></body></html>"
			doc, err := newDocument("tugs.html", "tugs", "html", []byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			a, err := buildArticle(doc)
			if err != nil {
				t.Fatal(err)
			}
			text := nodeText(mustParse(t, tc.heading))
			inStory := slices.ContainsFunc(a.Sentences, func(s Sentence) bool { return s.Text == text })
			i := slices.IndexFunc(a.Removed, func(r Removal) bool { return r.Text == text })
			switch {
			case tc.rule == "" && !inStory:
				t.Errorf("%q is no sentence of the story; removed %q", text, removalLines(a.Removed))
			case tc.rule != "" && (i < 0 || a.Removed[i].Rule != tc.rule):
				t.Errorf("%q not removed by %s; removed %q", text, tc.rule, removalLines(a.Removed))
			}
		})
	}
}

// TestStandfirst checks that a standfirst under the headline opens the
// story whether or not it ends in a full stop, and that a short line there
// does not.
func TestStandfirst(t *testing.T) {
	const lead = "Salvage tugs reached the stranded ferry Marisol on the Gullet sandbar on Wednesday morning."
	for _, tc := range []struct {
		name, under, first string
	}{
		{"classed, no full stop", `<p class="standfirst">The operator hopes to pull the ship free on the high tide before the next storm arrives</p>`,
			"The operator hopes to pull the ship free on the high tide before the next storm arrives"},
		{"a dek in a heading", `<h2>The operator hopes to pull the ship free on the high tide</h2>`,
			"The operator hopes to pull the ship free on the high tide"},
		{"classed sub-headline", `<div class="sub-headline">Operator hopes to pull the ship free on the high tide</div>`,
			"Operator hopes to pull the ship free on the high tide"},
		{"a kicker in a heading", `<h2>Ferry grounding</h2>`, lead},
		{"a short summary", `<p class="article-summary">Key points</p>`, lead},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head><title>Tugs reach the Marisol</title></head><body><article><h1>Tugs reach the Marisol</h1>" +
				tc.under + "<p>" + lead + "</p></article></body></html>"
			doc, err := newDocument("tugs.html", "tugs", "html", []byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			a, err := buildArticle(doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Sentences) == 0 || a.Sentences[0].Text != tc.first {
				t.Errorf("sentences %+v, want the first %q", a.Sentences, tc.first)
			}
		})
	}
}

// mustParse parses a fragment of HTML.
func mustParse(t *testing.T, fragment string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMarkTableRows checks that the rows of a table of figures are a
// table's, and a table that lays out a story is none.
func TestMarkTableRows(t *testing.T) {
	for _, tc := range []struct {
		name, table string
		rows        int // blocks under RuleTable
	}{
		{"figures", `<table><tr><th>Year</th><th>Vessel</th></tr><tr><td>2021</td><td>Ostrel Star (ferry)</td></tr></table>`, 2},
		{"one cell a row", `<table><tr><td>Salvage tugs reached the stranded ferry Marisol on Wednesday morning</td></tr></table>`, 0},
		{"a layout table", `<table><tr><td><p>Salvage tugs reached the stranded ferry Marisol on Wednesday.</p><p>Divers will inspect the hull.</p></td><td>Menu</td></tr></table>`, 0},
		{"running text in a cell", `<table><tr><td>Home</td><td>Salvage tugs reached the stranded ferry Marisol on the Gullet sandbar on Wednesday morning.</td></tr></table>`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := pageBlocks(mustParse(t, "<html><body>"+tc.table+"</body></html>"))
			markTableRows(blocks)
			rows := 0
			for _, b := range blocks {
				if b.rule == RuleTable {
					rows++
				}
			}
			if rows != tc.rows {
				t.Errorf("%d rows under %s, want %d (blocks %+v)", rows, RuleTable, tc.rows, blocks)
			}
		})
	}
}

// TestHTMLMarkup checks the rules a page's markup puts its blocks under.
func TestHTMLMarkup(t *testing.T) {
	body := func(b string) string {
		return `<html><body><article><h1>Ferry refloated at Portvale</h1>
<p>Salvage tugs refloated the ferry Marisol on Wednesday, two days after she ran aground on the Gullet sandbar.</p>` + b +
			`<p>The channel will reopen on Thursday, the harbour master said after the tugs had gone.</p></article></body></html>`
	}
	for _, tc := range []struct {
		name, page string
		want       map[string]string // block -> rule ("" for the story's)
	}{
		{"figure caption and credit", body(`<figure><img src="a.jpg"><figcaption>Tugs at dawn. <span class="photo-credit">Ivo Brandt/Harbor Ledger</span></figcaption></figure>`),
			map[string]string{"Tugs at dawn.": RuleCaption, "Ivo Brandt/Harbor Ledger": RuleCopyright}},
		{"quotation's figure", body(`<figure><blockquote><p>The tide did the work.</p></blockquote><figcaption>— Rob Tarn</figcaption></figure>`),
			map[string]string{"The tide did the work.": "", "— Rob Tarn": ""}},
		{"tweet", body(`<blockquote class="twitter-tweet"><p>Marisol is afloat again.</p>— Portvale Coastguard</blockquote>`),
			map[string]string{"Marisol is afloat again.": RuleEmbed, "— Portvale Coastguard": RuleEmbed}},
		{"social embed", body(`<div class="social-embed"><p>A post from the quay.</p></div>`),
			map[string]string{"A post from the quay.": RuleEmbed}},
		{"pull quote by class", body(`<p class="c-pull-quote">Tugs are no match for the Gullet</p>`),
			map[string]string{"Tugs are no match for the Gullet": RulePullQuote}},
		{"bootstrap float is no pull quote", body(`<p class="pull-right">A sentence floated right of the story.</p>`),
			map[string]string{"A sentence floated right of the story.": ""}},
		{"newsletter box", body(`<div class="newsletterSignup"><h3>The Quay</h3><p>Our weekly letter from the harbour.</p></div>`),
			map[string]string{"The Quay": RuleWidget, "Our weekly letter from the harbour.": RuleWidget}},
		{"cookie dialog", body(`<div role="dialog"><p>Choose your cookies.</p></div>`),
			map[string]string{"Choose your cookies.": RuleWidget}},
		{"read more box", body(`<aside class="read-more"><a href="/x">Why the Gullet shifts</a></aside>`),
			map[string]string{"Why the Gullet shifts": RuleRelated}},
		{"caption given twice", body(`<figure><img src="a.jpg"><figcaption>Tugs at dawn.</figcaption></figure><p>The tugs waited for the tide.</p><figure><img src="a.jpg"><figcaption>Tugs at dawn.</figcaption></figure>`),
			map[string]string{"Tugs at dawn.": RuleCaption}},
		{"table caption", body(`<table><caption>Tides this week</caption><tr><th>Day</th><th>High</th></tr></table>`),
			map[string]string{"Tides this week": RuleCaption}},
		{"paywalled story is the story", body(`<div class="paywall"><p>Divers found no hole in the hull.</p></div>`),
			map[string]string{"Divers found no hole in the hull.": ""}},
		{"subscriber-only story is the story", body(`<div class="subscriber-content"><p>Divers found no hole in the hull.</p></div>`),
			map[string]string{"Divers found no hole in the hull.": ""}},
		{"a big box is no sign-up", body(`<div class="promo">` + strings.Repeat("<p>The tugs pulled and the ferry moved a little further off the bar.</p>", 20) + `</div>`),
			map[string]string{"The tugs pulled and the ferry moved a little further off the bar.": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			blocks := pageBlocks(root)
			markPullQuotes(blocks)
			for text, rule := range tc.want {
				i := slices.IndexFunc(blocks, func(b pageBlock) bool { return b.text == text })
				if i < 0 {
					t.Errorf("no block %q in %+v", text, blocks)
					continue
				}
				if blocks[i].rule != rule {
					t.Errorf("block %q under %q, want %q", text, blocks[i].rule, rule)
				}
			}
			if i := slices.IndexFunc(blocks, func(b pageBlock) bool { return strings.HasPrefix(b.text, "Salvage tugs") }); i < 0 || blocks[i].rule != "" {
				t.Errorf("the story's lead is not the story's: %+v", blocks)
			}
		})
	}
}

// TestMarkPullQuotes checks that a box giving again the story's words is
// a pull quote wherever it stands, and that a quotation the story gives
// only in a box stays.
func TestMarkPullQuotes(t *testing.T) {
	story := `<p>Coxswain Rob Tarn said the swell was the worst he had seen. “You could not see the ferry between the waves,” he said.</p>
<p>“We went out six times,” he added. “Every one of them came home.”</p>`
	for _, tc := range []struct {
		name, box string
		pull      bool
	}{
		{"before the story, in marks", `<blockquote><p>“You could not see the ferry between the waves”</p></blockquote>`, true},
		{"in an aside, signed", `<aside><q>You could not see the ferry between the waves</q> — Rob Tarn</aside>`, true},
		{"cut with an ellipsis", `<figure><blockquote>We went out six times … every one of them came home</blockquote></figure>`, true},
		{"in other case", `<blockquote>YOU COULD NOT SEE THE FERRY BETWEEN THE WAVES</blockquote>`, true},
		{"a quotation of its own", `<blockquote><p>The sea does not care how brave you are, and the Gullet cares even less.</p></blockquote>`, false},
		{"too short to tell", `<blockquote>the ferry</blockquote>`, false},
		{"longer than the story's", `<blockquote>You could not see the ferry between the waves, and nobody on board could see us.</blockquote>`, false},
	} {
		for _, place := range []string{"before", "after"} {
			t.Run(tc.name+" "+place, func(t *testing.T) {
				page := "<html><body><article>" + tc.box + story + "</article></body></html>"
				if place == "after" {
					page = "<html><body><article>" + story + tc.box + "</article></body></html>"
				}
				root, err := html.Parse(strings.NewReader(page))
				if err != nil {
					t.Fatal(err)
				}
				blocks := pageBlocks(root)
				markPullQuotes(blocks)
				for _, b := range blocks {
					inBox := b.box != 0
					if got := b.rule == RulePullQuote; got != (inBox && tc.pull) {
						t.Errorf("block %q (box %d) under %q", b.text, b.box, b.rule)
					}
				}
			})
		}
	}
}

// TestPageHeadline checks that the page's <h1> is its headline when it is
// the story's, and that a logo or a section's name in one is not.
func TestPageHeadline(t *testing.T) {
	for _, tc := range []struct{ name, head, body, want string }{
		{"h1 over og:title", `<title>Ferry runs aground | Harbor Ledger</title><meta property="og:title" content="Ferry runs aground off Portvale">`,
			`<h1>Marisol ferry grounded off Portvale</h1>`, "Marisol ferry grounded off Portvale"},
		{"logo h1", `<title>Ferry runs aground | Harbor Ledger</title><meta property="og:site_name" content="Harbor Ledger">`,
			`<header><h1>Harbor Ledger</h1></header><h2>Ferry runs aground</h2>`, "Ferry runs aground"},
		{"logo h1 without a site name", `<title>Ferry runs aground | Harbor Ledger</title>`,
			`<header><h1>Harbor Ledger</h1></header><h2>Ferry runs aground</h2>`, "Ferry runs aground | Harbor Ledger"},
		{"section h1", `<title>Ferry runs aground off Portvale - Local News - Ostrel Herald</title>`,
			`<h1>Local News</h1><h2>Ferry runs aground off Portvale</h2>`, "Ferry runs aground off Portvale - Local News - Ostrel Herald"},
		{"one word", `<title>Ferry runs aground</title>`, `<h1>Ferry</h1>`, "Ferry runs aground"},
		{"no title", ``, `<h1>Ferry runs aground off Portvale</h1>`, "Ferry runs aground off Portvale"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head>" + tc.head + "</head><body>" + tc.body +
				"<article><p>The ferry Marisol ran aground on the Gullet sandbar at the mouth of Portvale harbour on Monday evening.</p></article></body></html>"
			doc, err := newDocument("page.html", "page", "html", []byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Headline != tc.want {
				t.Errorf("headline %q, want %q", doc.Headline, tc.want)
			}
		})
	}
}

// TestDateUnderHeadline checks that a page without a date in its metadata
// is dated from the line under its headline, and not from a date above it
// (today's, in the masthead) or one labelled "Updated".
func TestDateUnderHeadline(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"time element", `<h1>Ferry runs aground off Portvale</h1><p class="meta">By Hana Cole · <time datetime="2026-03-03T08:00:00Z">Tuesday</time></p>`, "2026-03-03"},
		{"posted line", `<h1>Ferry runs aground off Portvale</h1><div>Posted March 3, 2026 by Staff</div>`, "2026-03-03"},
		{"masthead date", `<div class="today">Friday 6 March 2026</div><h1>Ferry runs aground off Portvale</h1>`, ""},
		{"updated only", `<h1>Ferry runs aground off Portvale</h1><div>Updated March 4, 2026</div>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head><title>Ferry runs aground off Portvale</title></head><body>" + tc.body +
				"<article><p>The ferry Marisol ran aground on the Gullet sandbar at the mouth of Portvale harbour on Monday evening.</p>" +
				"<p>All 212 passengers were taken off by lifeboat before dawn on Tuesday, the coastguard said.</p></article></body></html>"
			doc, err := newDocument("page.html", "page", "html", []byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Published != tc.want {
				t.Errorf("published %q, want %q", doc.Published, tc.want)
			}
		})
	}
}

// TestClassWords checks how an element's class and id are cut into words.
func TestClassWords(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<div class="c-pull-quote pq_box newsletterSignup" id="CMP2-banner"></div>`))
	if err != nil {
		t.Fatal(err)
	}
	var div *html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.Data == "div" {
			div = n
		}
	}
	want := []string{"c", "pull", "quote", "pq", "box", "newsletter", "signup", "cmp", "banner"}
	if got := classWords(div); !slices.Equal(got, want) {
		t.Errorf("classWords = %q, want %q", got, want)
	}
}

// TestHostileHTMLBoxes checks that reading a page of many boxes (pull
// quotes to look for, classed boxes to size, nested) grows about linearly.
func TestHostileHTMLBoxes(t *testing.T) {
	n := 4000
	if testing.Short() {
		n /= 4
	}
	page := func(n int) []byte {
		var b strings.Builder
		b.WriteString("<html><body><article>")
		for i := range n {
			fmt.Fprintf(&b, "<p>Paragraph %d says the river rose again today near the old mill.</p>", i)
			fmt.Fprintf(&b, "<blockquote>Quote %d says the river rose again in a box.</blockquote>", i)
			if i%200 == 199 {
				// Boxes nested 200 deep, each as big as the rest.
				b.WriteString(strings.Repeat(`<div class="promo">`, 200))
				b.WriteString(strings.Repeat("<p>Sign up for the river letter, one word after another.</p>", 20))
				b.WriteString(strings.Repeat("</div>", 200))
			}
		}
		b.WriteString("</article></body></html>")
		return []byte(b.String())
	}
	read := func(n int) time.Duration {
		best := time.Duration(1 << 62)
		data := page(n)
		for range 3 {
			start := growth.CPUNow()
			if _, err := newDocument("p.html", "p", "html", data, ""); err != nil {
				t.Fatal(err)
			}
			best = min(best, growth.CPUNow()-start)
		}
		return best
	}
	growth.Check(t, "the boxes", n, read)
}

// FuzzExtractHTML reads arbitrary pages: no panic, and every kept and
// marked span lies inside the text, in order, on whole blocks.
func FuzzExtractHTML(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "html-probe", "*.html"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add(`<figure><blockquote>a b c d</blockquote><figcaption>— X</figcaption></figure><p>a b c d.</p>`)
	f.Fuzz(func(t *testing.T, page string) {
		var doc Document
		if err := extractHTML(&doc, page); err != nil {
			return
		}
		for _, spans := range [][]Span{doc.Kept, markedSpans(doc.Marked)} {
			prev := 0
			for _, s := range spans {
				if s.Start < prev || s.End < s.Start || s.End > len(doc.Text) {
					t.Fatalf("span %+v out of order or outside the text of %d bytes", s, len(doc.Text))
				}
				if s.Start > 0 && doc.Text[s.Start-1] != '\n' || s.End < len(doc.Text) && doc.Text[s.End] != '\n' {
					t.Fatalf("span %+v does not cover whole blocks of %q", s, doc.Text)
				}
				prev = s.End
			}
		}
	})
}

func markedSpans(m []MarkedSpan) []Span {
	out := make([]Span, len(m))
	for i, s := range m {
		out[i] = s.Span
	}
	return out
}
