package compare

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slant-news/slant/internal/growth"
)

// TestBlind checks that no outlet's name, file name or source survives in
// a blind comparison, that each article keeps its text otherwise, and
// that the letters do not depend on the order of the inputs.
func TestBlind(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	for _, dir := range dirs {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		blind, key, err := Blind(ev)
		if err != nil {
			t.Fatal(err)
		}
		if len(key) != len(ev.Documents) {
			t.Fatalf("%s: %d key entries for %d articles", dir, len(key), len(ev.Documents))
		}
		res, err := Compare(blind, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, a := range res.Articles {
			for _, s := range []string{a.ID, a.Outlet, a.Source, a.Headline, a.Text} {
				all.WriteString(s + "\n")
			}
			for _, r := range a.Removed {
				all.WriteString(r.Text + "\n")
			}
			if !strings.HasPrefix(a.Outlet, "Outlet ") {
				t.Errorf("%s: outlet %q is not blind", dir, a.Outlet)
			}
		}
		text := strings.ToLower(all.String())
		for _, k := range key {
			for _, v := range nameVariants(k.Outlet) {
				if strings.Contains(text, strings.ToLower(v)) {
					t.Errorf("%s: %q (outlet %s) still appears in the blind comparison", dir, v, k.Letter)
				}
			}
			base := strings.TrimSuffix(filepath.Base(k.Source), filepath.Ext(k.Source))
			if strings.Contains(text, strings.ToLower(base)) {
				t.Errorf("%s: source name %q still appears", dir, base)
			}
		}
		// The same articles in another order get the same letters.
		rev := ev
		rev.Documents = nil
		for i := len(ev.Documents) - 1; i >= 0; i-- {
			rev.Documents = append(rev.Documents, ev.Documents[i])
		}
		_, key2, err := Blind(rev)
		if err != nil {
			t.Fatal(err)
		}
		for i := range key {
			if key[i] != key2[i] {
				t.Errorf("%s: letters depend on input order: %+v vs %+v", dir, key[i], key2[i])
			}
		}
	}
}

// blindDoc is an article for a Blind test: the outlet as a manifest names
// it, or "" to leave the outlet to be found from the file name.
type blindDoc struct {
	file, outlet, text string
}

// blindTexts blinds the articles and returns their texts in input order,
// with each outlet's blind name written back as "{outlet}", and its form
// in addresses and handles ("outlet-a") as "{~outlet}": letters follow a
// hash of the texts, and a case should not depend on them.
func blindTexts(t *testing.T, docs []blindDoc) []string {
	t.Helper()
	var ev Event
	for _, d := range docs {
		doc := Document{Source: d.file + ".txt", Name: d.file, Kind: "text", Text: d.text}
		if d.outlet != "" {
			doc.Outlet, doc.OutletFrom = d.outlet, "manifest"
		}
		ev.Documents = append(ev.Documents, doc)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, k := range key {
		pairs = append(pairs, k.Name, "{"+k.Outlet+"}", "outlet-"+strings.ToLower(k.Letter), "{~"+k.Outlet+"}")
	}
	back := strings.NewReplacer(pairs...)
	texts := make([]string, len(docs))
	for i, d := range blind.Documents {
		texts[i] = back.Replace(d.Text)
	}
	return texts
}

// TestBlindNames checks that an outlet's name is hidden wherever it is
// written as the name, whatever it is made of, and that nothing else in the
// text changes: not ordinary words that the name is made of, not text a
// replacement put in.
func TestBlindNames(t *testing.T) {
	tests := []struct {
		name string
		docs []blindDoc
		want []string
	}{
		{
			// a.txt and b.txt make outlets "A" and "B": a one-letter name
			// is the article or a plan, never matched in the text.
			name: "one-letter names",
			docs: []blindDoc{
				{"a", "", `"We heard a roar like thunder," resident Pia Holm said. Plan B failed.`},
				{"b", "", `A roar, then Plan B. Was it a B-grade dam? Block A said so.`},
			},
			want: []string{
				`"We heard a roar like thunder," resident Pia Holm said. Plan B failed.`,
				`A roar, then Plan B. Was it a B-grade dam? Block A said so.`,
			},
		},
		{
			name: "names that are ordinary words",
			docs: []blindDoc{
				{"sun", "Sun", "The post office nearby stayed shut. Post-fire repairs began on Sunday, after post-fire checks. The sun rose. The Sun and the Post both reported it."},
				{"post", "Post", "Posted notices quoted the Sun's reporter. Sun-dried tomatoes, sunny days."},
			},
			want: []string{
				"The post office nearby stayed shut. Post-fire repairs began on Sunday, after post-fire checks. The sun rose. {Sun} and {Post} both reported it.",
				"Posted notices quoted {Sun}'s reporter. Sun-dried tomatoes, sunny days.",
			},
		},
		{
			// "Post" is hidden first in input order; the longer name must
			// still win where both could match.
			name: "longest name first",
			docs: []blindDoc{
				{"post", "Post", "The Evening Post and the Post disagreed."},
				{"evening", "Evening Post", "The Post quoted the Evening Post."},
			},
			want: []string{
				"{Evening Post} and {Post} disagreed.",
				"{Post} quoted {Evening Post}.",
			},
		},
		{
			name: "as written, in capitals and run together",
			docs: []blindDoc{
				{"press", "Press TV", "Press TV said so.\nPressTV, Press-TV, PRESS TV and presstv.ir agreed. Soft-wrapped: Press\nTV."},
				{"other", "Daily Clarion", "The Daily Clarion, a Daily Clarion reporter, told the Daily Clarion. © THE DAILY CLARION, dailyclarion.com"},
			},
			want: []string{
				"{Press TV} said so.\n{Press TV}, {Press TV}, {Press TV} and {~Press TV}.ir agreed. Soft-wrapped: {Press TV}.",
				"{Daily Clarion}, an {Daily Clarion} reporter, told {Daily Clarion}. © {Daily Clarion}, {~Daily Clarion}.com",
			},
		},
		{
			name: "leading The",
			docs: []blindDoc{
				{"clarion", "The Daily Clarion", "The Daily Clarion, a Daily Clarion reporter, told the Daily Clarion. © THE DAILY CLARION"},
				{"other", "Harbor Times", "Nothing here."},
			},
			want: []string{
				"{The Daily Clarion}, an {The Daily Clarion} reporter, told {The Daily Clarion}. © {The Daily Clarion}",
				"Nothing here.",
			},
		},
		{
			name: "names with punctuation",
			docs: []blindDoc{
				{"v", "The Voice (Orvale)", "Pia Holm told The Voice (Orvale). River <Echo>'s editor agreed, as did the Voice (Orvale)."},
				{"b", "River <Echo>", "Pia Holm told River <Echo>. Wow! News and R&B Daily, (River <Echo>), agreed."},
				{"w", "Wow! News", "Wow! News said R&B Daily’s story was wrong."},
				{"r", "R&B Daily", "R&B Daily’s editor said so."},
			},
			want: []string{
				"Pia Holm told {The Voice (Orvale)}. {River <Echo>}'s editor agreed, as did {The Voice (Orvale)}.",
				"Pia Holm told {River <Echo>}. {Wow! News} and {R&B Daily}, ({River <Echo>}), agreed.",
				"{Wow! News} said {R&B Daily}’s story was wrong.",
				"{R&B Daily}’s editor said so.",
			},
		},
		{
			name: "word boundaries beyond ASCII",
			docs: []blindDoc{
				{"elan", "Élan", "Élan said so, and Élantra did not; «Élan» did."},
				{"harbor", "Harbor Times", "_Harbor Times_ and Harbor Timesheet."},
			},
			want: []string{
				"{Élan} said so, and Élantra did not; «{Élan}» did.",
				"_{Harbor Times}_ and Harbor Timesheet.",
			},
		},
		{
			// bbc.txt gives "Bbc": the file name has lost the case. sun.txt
			// gives "Sun", a dictionary word: the file name is no evidence
			// that the text names the outlet, and it is not looked for.
			name: "names guessed from file names",
			docs: []blindDoc{
				{"bbc", "", "The BBC said the sun rose over the Sun offices."},
				{"sun", "", "The bbc.co.uk page quoted the Bbc and the SUN."},
			},
			want: []string{
				"{Bbc} said the sun rose over the Sun offices.",
				"The {~Bbc}.co.uk page quoted {Bbc} and the SUN.",
			},
		},
		{
			name: "names guessed from file names that are dictionary words",
			docs: []blindDoc{
				{"one", "", "One stall opened, ONE more shut."},
				{"sun", "", "SUN LOUNGERS and the Sun offices; @sun said so."},
				{"post", "", "Post office staff told the Post."},
				{"presstv", "", "PressTV said so."},
			},
			want: []string{
				"One stall opened, ONE more shut.",
				"SUN LOUNGERS and the Sun offices; @sun said so.",
				"Post office staff told the Post.",
				"{Presstv} said so.",
			},
		},
		{
			// A one-word name, a short form or the X of "The X" next to a
			// capitalised word is part of a longer proper noun.
			name: "part of a longer proper noun",
			docs: []blindDoc{
				{"morgan", "Morgan", "Organiser Tess Morgan said the market would reopen, Morgan reported. When Morgan asked, The Post Office opened."},
				{"post", "Quillton Post", "The Post Office opened. The Post said so, and told the Times Monday."},
				{"times", "The Times", "The Times Square crowd cheered, the Times said. Morgan Stanley agreed."},
			},
			want: []string{
				"Organiser Tess Morgan said the market would reopen, {Morgan} reported. When {Morgan} asked, The Post Office opened.",
				"The Post Office opened. {Quillton Post} said so, and told {The Times} Monday.",
				"The Times Square crowd cheered, {The Times} said. Morgan Stanley agreed.",
			},
		},
		{
			// "Times" of "The Times" and "Voice" of "The Voice" are
			// ordinary words: at the start of a sentence, or with "of" and
			// a name, they are no name; in a sentence, or before a newsroom
			// noun, they are.
			name: "The and one ordinary word",
			docs: []blindDoc{
				{"times", "The Times", "Times are hard, The Times and the Times agreed. Times reporters and Times readers too."},
				{"voice", "The Voice", "Voice of the People activists told The Voice, and then told Voice of the People so."},
			},
			want: []string{
				"Times are hard, {The Times} and {The Times} agreed. {The Times} reporters and {The Times} readers too.",
				"Voice of the People activists told {The Voice}, and then told Voice of the People so.",
			},
		},
		{
			// A name of ordinary words only keeps its case; one with a word
			// no dictionary holds is the name in any case.
			name: "names of dictionary words keep their case",
			docs: []blindDoc{
				{"evening", "Evening Post", "At the evening post office, EVENING POST staff said the Evening Post was right, on eveningpost.com."},
				{"harbor", "Harbor Times", "Harbor times were busy, harbor times too, HARBOR TIMES said."},
				{"bugle", "Quillton Bugle", "quillton bugle readers agreed."},
			},
			want: []string{
				"At the evening post office, {Evening Post} staff said {Evening Post} was right, on {~Evening Post}.com.",
				"Harbor times were busy, harbor times too, {Harbor Times} said.",
				"{Quillton Bugle} readers agreed.",
			},
		},
		{
			// A newspaper noun stands for the name: "the Bugle" is the
			// Quillton Bugle, "The Herald" the Herald of Ostrel. Written in
			// lower case it is an ordinary word.
			name: "short forms",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "Dana Roe told the Bugle. The Bugle's editor agreed, at the post office, as the sun rose."},
				{"gazette", "Fernwick Gazette", "Dana Roe said so, the Gazette's analysis shows. The gazette of record disagreed; Gazette-owned sites too."},
				{"herald", "The Herald of Ostrel", `"The Herald was fair," she added. The Bugle and the Gazette agreed.`},
			},
			want: []string{
				"Dana Roe told {Quillton Bugle}. {Quillton Bugle}'s editor agreed, at the post office, as the sun rose.",
				"Dana Roe said so, {Fernwick Gazette}'s analysis shows. The gazette of record disagreed; {Fernwick Gazette}-owned sites too.",
				`"{The Herald of Ostrel} was fair," she added. {Quillton Bugle} and {Fernwick Gazette} agreed.`,
			},
		},
		{
			// Two outlets whose names end in Times: "the Times" could be
			// either, and is left as it is; "the Clarion" is one outlet's.
			name: "a short form two outlets share",
			docs: []blindDoc{
				{"harbor", "Harbor Times", "The Times said so, and the Clarion agreed."},
				{"evening", "The Evening Times", "Nothing here."},
				{"clarion", "Daily Clarion", "The Post said so."},
				{"post", "Post", "Nothing here either."},
			},
			want: []string{
				"The Times said so, and {Daily Clarion} agreed.",
				"Nothing here.",
				"{Post} said so.",
				"Nothing here either.",
			},
		},
		{
			// The words of a name of two or more are the name in any case;
			// a name of one word besides "The" keeps its case.
			name: "names of two words in any case",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "quillton bugle readers, QUILLTON BUGLE, Quillton bugle and quillton-bugle.org complained."},
				{"post", "The Post", "the post office and the Post."},
			},
			want: []string{
				"{Quillton Bugle} readers, {Quillton Bugle}, {Quillton Bugle} and {~Quillton Bugle}.org complained.",
				"the post office and {The Post}.",
			},
		},
		{
			name: "handles and hashtags",
			docs: []blindDoc{
				{"herald", "Ostrel Herald", "Follow @ostrel_herald, @Ostrel-Herald_ and #ostrelherald; @ostrel_heraldry is another."},
				{"bugle", "The Quillton Bugle", "@QuilltonBugle, @thequilltonbugle and #Quillton_Bugle said so."},
				{"sun", "Sun", "#sun is a topic; @sun is the paper, #Sun too."},
			},
			want: []string{
				"Follow @{~Ostrel Herald}, @{~Ostrel Herald}_ and #{~Ostrel Herald}; @ostrel_heraldry is another.",
				"@{~The Quillton Bugle}, @{~The Quillton Bugle} and #{~The Quillton Bugle} said so.",
				"#sun is a topic; @{~Sun} is the paper, #{~Sun} too.",
			},
		},
		{
			// The copyright line's name is hidden as the outlet's, unless
			// it is another outlet's name: a wire's story in a paper.
			name: "names from copyright lines",
			docs: []blindDoc{
				{"ledger", "Atlantic Ledger", "Dana Roe told Meridian Wire and the Ledger so.\n\n© 2026 Meridian Wire"},
				{"wire", "Meridian Wire", "Dana Roe told the Wire so.\n\n© 2026 MW Newswire Ltd"},
				{"courier", "Volga Courier", "MW Newswire and Meridian Wire agreed."},
			},
			want: []string{
				"Dana Roe told {Meridian Wire} and {Atlantic Ledger} so.\n\n© 2026 {Meridian Wire}",
				"Dana Roe told {Meridian Wire} so.\n\n© 2026 {Meridian Wire}",
				"{Meridian Wire} and {Meridian Wire} agreed.",
			},
		},
		{
			// In a line in title case a capital says nothing: a short form
			// or a one-word name next to a capitalised word is the name
			// unless the article writes the two words together in
			// sentence case ("Tess Morgan"); an ordinary noun is the name
			// where the article calls the outlet "the Post" and never
			// writes "post" as a word.
			name: "title case",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "Bugle Tells Holm Why Orvale Flooded\n\nPolice Tell Bugle Reporters to Leave\n\nPia Holm told the Bugle so."},
				{"morgan", "Morgan", "Police Tell Morgan Reporters to Leave\n\nTess Morgan Speaks Out\n\nTess Morgan spoke, Morgan said."},
				{"post", "Evening Post", "Flood Hits Orvale, Post Finds\n\nResidents told the Post so."},
				{"record", "Harbor Record", "Record Rain Floods Orvale\n\nA record 40 homes flooded, the Record found."},
			},
			want: []string{
				"{Quillton Bugle} Tells Holm Why Orvale Flooded\n\nPolice Tell {Quillton Bugle} Reporters to Leave\n\nPia Holm told {Quillton Bugle} so.",
				"Police Tell {Morgan} Reporters to Leave\n\nTess Morgan Speaks Out\n\nTess Morgan spoke, {Morgan} said.",
				"Flood Hits Orvale, {Evening Post} Finds\n\nResidents told {Evening Post} so.",
				"Record Rain Floods Orvale\n\nA record 40 homes flooded, {Harbor Record} found.",
			},
		},
		{
			// The newspaper noun alone is the name, but not where it is an
			// ordinary word at the start of a sentence, nor in a longer
			// name, nor shouted when ordinary.
			name: "bare newspaper nouns",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "ORVALE (BUGLE) - Bugle reporters counted trucks. A Bugle-owned drone and the Bugle-owned site saw it. THE BUGLE asked, and The BUGLE too."},
				{"star", "Fenwick Daily Star", "Star players and Star reporters came, a Star investigation found. The STAR has learned it; Star-Ledger and Daily Star readers, the Daily Star's editor."},
				{"news", "Ostrel News", "News of the flood spread. BBC News and Fox News said so, as did Ostrel News. STAR reporters and NEWS crews. Voice of the People agreed."},
				{"post", "Quillton Post", "In Post-war Orvale, Post-flood repairs began; the Post-war years."},
			},
			want: []string{
				"ORVALE ({Quillton Bugle}) - {Quillton Bugle} reporters counted trucks. An {Quillton Bugle}-owned drone and the {Quillton Bugle}-owned site saw it. {Quillton Bugle} asked, and {Quillton Bugle} too.",
				"Star players and {Fenwick Daily Star} reporters came, an {Fenwick Daily Star} investigation found. {Fenwick Daily Star} has learned it; Star-Ledger and {Fenwick Daily Star} readers, {Fenwick Daily Star}'s editor.",
				"News of the flood spread. BBC News and Fox News said so, as did {Ostrel News}. {Fenwick Daily Star} reporters and NEWS crews. Voice of the People agreed.",
				"In Post-war Orvale, Post-flood repairs began; the Post-war years.",
			},
		},
		{
			// "the" goes with the name unless a newsroom noun follows; a
			// possessive of a name ending in s reads "'s".
			name: "the, a and possessives",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "Police told the Quillton Bugle. The Quillton Bugle reporter and the Quillton Bugle’s editor agreed, as did a Quillton Bugle photographer."},
				{"news", "Ostrel News", "Ostrel News' critic and Ostrel News’ editor spoke. She called it 'a smear by Ostrel News' on Monday; 'Ostrel News' said so."},
				{"times", "The Harbor Times", "The Harbor Times' editor told the Times reporter."},
			},
			want: []string{
				"Police told {Quillton Bugle}. The {Quillton Bugle} reporter and {Quillton Bugle}’s editor agreed, as did an {Quillton Bugle} photographer.",
				"{Ostrel News}'s critic and {Ostrel News}’s editor spoke. She called it 'a smear by {Ostrel News}' on Monday; '{Ostrel News}' said so.",
				"{The Harbor Times}'s editor told the {The Harbor Times} reporter.",
			},
		},
		{
			// An address or a handle gets the name as one word.
			name: "addresses and handles",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "See https://www.quilltonbugle.example/flood, thebugle.example, bugle.example/dam or tips@quilltonbugle.example. Follow @TheBugle."},
				{"morgan", "Morgan", "Visit morgan.example or https://news.morgan.example; follow @morgan_news and Morgan. The post at example.org/morgan/ stays."},
				{"news", "Ostrel News", "Read news.example.org and ostrelnews.example."},
			},
			want: []string{
				"See https://www.{~Quillton Bugle}.example/flood, {~Quillton Bugle}.example, {~Quillton Bugle}.example/dam or tips@{~Quillton Bugle}.example. Follow @{~Quillton Bugle}.",
				"Visit {~Morgan}.example or https://news.{~Morgan}.example; follow @{~Morgan} and {Morgan}. The post at example.org/morgan/ stays.",
				"Read news.example.org and {~Ostrel News}.example.",
			},
		},
		{
			// A tag that runs an outlet's name together with other words
			// is the outlet's: a name with a word no dictionary holds in
			// any case, and a name of ordinary words as whole words of the
			// tag with capitals, an ordinary word only where the article
			// never writes it in lower case. The whole tag is hidden.
			name: "hashtags with more words",
			docs: []blindDoc{
				{"herald", "Ostrel Herald", "#HeraldInvestigates, #ostrelherald2026, @AskTheHerald and #HeraldSquare; not #heraldry, #herald2026 or @ostrel_heraldry."},
				{"bugle", "Quillton Bugle", "#BugleLive, #TheBugleAt10 and #QuilltonBugleDesk; not #bugled or #BugleBoy, as Bugle Boy jeans sold."},
				{"news", "Ostrel News", "#ostrelnews2026 and #OstrelNewsAt10; not #BreakingNews or #NewsAt10, as the news spread."},
				{"sun", "The Sun", "#SunSays and #TheSunInvestigates, the Sun said; not #SunnyDays or #Sunday."},
			},
			want: []string{
				"#{~Ostrel Herald}, #{~Ostrel Herald}, @{~Ostrel Herald} and #{~Ostrel Herald}; not #heraldry, #herald2026 or @ostrel_heraldry.",
				"#{~Quillton Bugle}, #{~Quillton Bugle} and #{~Quillton Bugle}; not #bugled or #BugleBoy, as Bugle Boy jeans sold.",
				"#{~Ostrel News} and #{~Ostrel News}; not #BreakingNews or #NewsAt10, as the news spread.",
				"#{~The Sun} and #{~The Sun}, {The Sun} said; not #SunnyDays or #Sunday.",
			},
		},
		{
			// Where the article writes the ordinary word, a tag with it
			// is no name: "the sun rose".
			name: "hashtags with an ordinary word the article uses",
			docs: []blindDoc{
				{"sun", "The Sun", "#SunSays and #TheSunAlsoRises, the Sun said, as the sun rose."},
				{"beacon", "Beacon", "#BeaconInvestigates, said Beacon (beacon.example)."},
			},
			want: []string{
				"#SunSays and #TheSunAlsoRises, {The Sun} said, as the sun rose.",
				"#{~Beacon}, said {Beacon} ({~Beacon}.example).",
			},
		},
		{
			// A name made of ordinary words is no name where the words
			// are ordinary: part of a title, after "a" without a newsroom
			// noun, in sentence case when the name's case is not known.
			name: "ordinary phrases that hold a name",
			docs: []blindDoc{
				{"sun", "The Sun", "He read The Sun Also Rises on the train, the Sun reported on Monday. The Sun Monday said so."},
				{"guardian", "The Guardian", "She was made a Guardian ad litem, a Guardian reporter found; a Guardian poll, a Guardian exclusive and The Guardian agreed."},
				{"beacon", "Beacon", "A Beacon reporter saw a Beacon of hope, Beacon said."},
				{"morning-star", "", "Morning star sightings rose. The morning star shone; Morning Star readers and MORNING STAR staff saw it."},
				{"the-evening-post", "", "The evening post came late. The Evening Post said so."},
			},
			want: []string{
				"He read The Sun Also Rises on the train, {The Sun} reported on Monday. {The Sun} Monday said so.",
				"She was made a Guardian ad litem, an {The Guardian} reporter found; an {The Guardian} poll, an {The Guardian} exclusive and {The Guardian} agreed.",
				"An {Beacon} reporter saw a Beacon of hope, {Beacon} said.",
				"Morning star sightings rose. The morning star shone; {Morning Star} readers and {Morning Star} staff saw it.",
				"The evening post came late. {The Evening Post} said so.",
			},
		},
		{
			// A one-word name that is an ordinary word, in capitals, is
			// the name where only a name is shouted; with "-owned" it is
			// an owner's name.
			name: "shouted names, owners and mailboxes",
			docs: []blindDoc{
				{"beacon", "Beacon", "Ferry sinks\n\nBEACON - The ferry sank. BEACON readers and (BEACON) agreed; Beacon-owned boats helped. A SUN AND BEACON sign fell.\n\n© 2026 BEACON"},
				{"herald", "Ostrel Herald", "Mail ostrel.herald@example.com or see ostrel.herald.example; OSTREL HERALD'S editor agreed. Ostrel.Herald stays? No: the end of Ostrel. Herald readers."},
			},
			want: []string{
				"Ferry sinks\n\n{Beacon} - The ferry sank. {Beacon} readers and ({Beacon}) agreed; {Beacon}-owned boats helped. A SUN AND BEACON sign fell.\n\n© 2026 {Beacon}",
				"Mail {~Ostrel Herald}@example.com or see {~Ostrel Herald}.example; {Ostrel Herald}'s editor agreed. Ostrel.{~Ostrel Herald} stays? No: the end of Ostrel. {Ostrel Herald} readers.",
			},
		},
		{
			// The last word of a name with no newspaper noun stands for
			// it as "the Bugle" does: after "the", before a newsroom noun
			// and in a byline. Not in lower case, in a longer word or
			// name, as a modifier of a word the article writes alone
			// ("the Orvale dam", "hit Orvale"), nor, where its capital
			// says nothing, when the article writes the word in lower case.
			name: "head words of names",
			docs: []blindDoc{
				{"gallop", "Daily Gallop", "Pia Holm told the Gallop so. According to the Gallop, the Gallop's editor agreed; Gallop reporters came, and a gallop across the field. GALLOP readers. Dana Roe/Gallop. (Gallop) Galloping horses; Gallop Poll shows."},
				{"post", "Orvale Post", "The Post office opened; the Post said so."},
				{"beast", "Daily Beast", "Beast Tamed at Last\n\nThe beast was tamed, the Beast said. Beast reporters saw it."},
				{"radio", "Radio Free Ferrow", "Flooding hit Ferrow. The Ferrow dam broke, the Ferrow reported."},
				{"agency", "Eastline News Agency", "The Agency said so."},
			},
			want: []string{
				"Pia Holm told {Daily Gallop} so. According to {Daily Gallop}, {Daily Gallop}'s editor agreed; {Daily Gallop} reporters came, and a gallop across the field. {Daily Gallop} readers. Dana Roe/{Daily Gallop}. ({Daily Gallop}) Galloping horses; Gallop Poll shows.",
				"The Post office opened; {Orvale Post} said so.",
				"Beast Tamed at Last\n\nThe beast was tamed, {Daily Beast} said. Beast reporters saw it.",
				"Flooding hit Ferrow. The Ferrow dam broke, {Radio Free Ferrow} reported.",
				"The Agency said so.",
			},
		},
		{
			// A tag in capitals shows no words: a name that is no
			// ordinary word is found in it as in a name with a word no
			// dictionary holds. A tag's word the article writes with the
			// name ("Bugle Boy", "Tess Morgan") makes a longer name.
			name: "tags in capitals and tags of longer names",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "#BUGLELIVE and @THEBUGLE2026; not #BUGLED or #BUGLEBOY, as Bugle Boy jeans sold."},
				{"sun", "The Sun", "#SUNSHINE and #SUNSAYS, the Sun said."},
				{"morgan", "Morgan", "#MorganStanley and @TessMorgan, said Tess Morgan of Morgan Stanley; #MorganLive."},
			},
			want: []string{
				"#{~Quillton Bugle} and @{~Quillton Bugle}; not #BUGLED or #BUGLEBOY, as Bugle Boy jeans sold.",
				"#SUNSHINE and #SUNSAYS, {The Sun} said.",
				"#MorganStanley and @TessMorgan, said Tess Morgan of Morgan Stanley; #{~Morgan}.",
			},
		},
		{
			// A name and a hyphen before a capitalised word make another
			// name, unless the word starts an outlet's name or says it
			// owns something.
			name: "longer hyphenated names",
			docs: []blindDoc{
				{"post", "Orvale Post", "The Orvale Post-Dispatch and the Orvale Post said so; Orvale Post-Owned sites and the ORVALE POST-DISPATCH too."},
				{"herald", "Ostrel Herald", "A Quillton Bugle-Ostrel Herald poll."},
				{"bugle", "Quillton Bugle", "Nothing."},
			},
			want: []string{
				"The Orvale Post-Dispatch and {Orvale Post} said so; {Orvale Post}-Owned sites and the ORVALE POST-DISPATCH too.",
				"An {Quillton Bugle}-{Ostrel Herald} poll.",
				"Nothing.",
			},
		},
		{
			// A slash is a path's only in an address; an address in
			// capitals is an address.
			name: "bylines with slashes and addresses in capitals",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "Dana Roe/Quillton Bugle and Dana Roe/Bugle wrote it. See QUILLTONBUGLE.COM, BUGLE.CO.UK and news@QUILLTONBUGLE.COM; /quillton-bugle/ and example.org/bugle/."},
				{"morgan", "Morgan", "MORGAN.EXAMPLE and Morgan/Reuters said so."},
			},
			want: []string{
				"Dana Roe/{Quillton Bugle} and Dana Roe/{Quillton Bugle} wrote it. See {~Quillton Bugle}.COM, {~Quillton Bugle}.CO.UK and news@{~Quillton Bugle}.COM; /{~Quillton Bugle}/ and example.org/bugle/.",
				"{~Morgan}.EXAMPLE and {Morgan}/Reuters said so.",
			},
		},
		{
			// A one-word name after a person's title or initials, or after
			// a first name on the line before, is a person's.
			name: "people named like an outlet",
			docs: []blindDoc{
				{"morgan", "Morgan", "Ms Morgan, Dr. Morgan and J.P. Morgan spoke; so did Tess\nMorgan. Morgan reported it."},
				{"bugle", "Quillton Bugle", "Nothing."},
			},
			want: []string{
				"Ms Morgan, Dr. Morgan and J.P. Morgan spoke; so did Tess\nMorgan. {Morgan} reported it.",
				"Nothing.",
			},
		},
		{
			name: "invisible characters inside a name",
			docs: []blindDoc{
				{"bugle", "Quillton Bugle", "Quillton\u200bBugle and QUILLTON\u2060BUGLE said so."},
				{"herald", "Ostrel Herald", "Nothing."},
			},
			want: []string{
				"{Quillton Bugle} and {Quillton Bugle} said so.",
				"Nothing.",
			},
		},
		{
			name: "not across paragraphs",
			docs: []blindDoc{
				{"press", "Press TV", "News from Press\n\nTV crews came."},
				{"other", "Harbor Times", "Nothing here."},
			},
			want: []string{
				"News from Press\n\nTV crews came.",
				"Nothing here.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := blindTexts(t, tt.docs)
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("article %d:\n got %q\nwant %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestBlindKeptSpans checks that the spans the HTML extractor kept cover
// the same blocks of the text after names in it are replaced.
func TestBlindKeptSpans(t *testing.T) {
	blocks := []string{"Menu Sun", "The Sun said the dam broke.", "News from Press", "TV crews came, the Sun said, and Press TV agreed.", "© Sun"}
	var kept []Span
	at := 0
	for i, b := range blocks {
		if i >= 1 && i <= 3 {
			kept = append(kept, Span{at, at + len(b)})
		}
		at += len(b) + len("\n\n")
	}
	ev := Event{Documents: []Document{
		{Source: "sun.html", Name: "sun", Kind: "html", Text: strings.Join(blocks, "\n\n"), Outlet: "Sun", OutletFrom: "html", Kept: kept},
		{Source: "press.txt", Name: "press", Kind: "text", Text: "Press TV said so.", Outlet: "Press TV", OutletFrom: "manifest"},
	}}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	letter := map[string]string{}
	for _, k := range key {
		letter[k.Outlet] = k.Name
	}
	want := []string{
		letter["Sun"] + " said the dam broke.",
		"News from Press",
		"TV crews came, " + letter["Sun"] + " said, and " + letter["Press TV"] + " agreed.",
	}
	doc := blind.Documents[0]
	if len(doc.Kept) != len(want) {
		t.Fatalf("%d kept spans, want %d", len(doc.Kept), len(want))
	}
	for k, sp := range doc.Kept {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(doc.Text) {
			t.Errorf("kept span %d is %v, outside the text of %d bytes", k, sp, len(doc.Text))
			continue
		}
		if got := doc.Text[sp.Start:sp.End]; got != want[k] {
			t.Errorf("kept span %d holds %q, want %q", k, got, want[k])
		}
	}
}

// TestBlindMarkedSpans checks that the spans the page's markup sets apart
// (a caption, a pull quote) or gives as the standfirst hold the same text
// after names before and in them are replaced, so that cleaning still
// takes out, and keeps, what it should.
func TestBlindMarkedSpans(t *testing.T) {
	blocks := []string{"Ferry sinks", "The Fenwick Daily Star saw the ferry sink.", "Photo: Fenwick Daily Star", "Crews from Ostrel reached it, the Star found"}
	text := strings.Join(blocks, "\n\n")
	at := strings.Index(text, blocks[2])
	lead := strings.Index(text, blocks[3])
	ev := Event{Documents: []Document{
		{Source: "star.html", Name: "star", Kind: "html", Text: text, Outlet: "Fenwick Daily Star", OutletFrom: "html",
			Marked: []MarkedSpan{{Span: Span{at, at + len(blocks[2])}, Rule: "caption"}}, Lead: []Span{{lead, len(text)}}},
		{Source: "b.txt", Name: "b", Kind: "text", Text: "The ferry sank.", Outlet: "Harbor Ledger", OutletFrom: "manifest"},
	}}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	letter := map[string]string{}
	for _, k := range key {
		letter[k.Outlet] = k.Name
	}
	doc := blind.Documents[0]
	sp := doc.Marked[0]
	if want := "Photo: " + letter["Fenwick Daily Star"]; sp.End > len(doc.Text) || doc.Text[sp.Start:sp.End] != want || sp.Rule != "caption" {
		t.Errorf("the caption's span %v holds %q, want %q", sp.Span, doc.Text[min(sp.Start, len(doc.Text)):min(sp.End, len(doc.Text))], want)
	}
	if sp, want := doc.Lead[0], "Crews from Ostrel reached it, "+letter["Fenwick Daily Star"]+" found"; sp.End > len(doc.Text) || doc.Text[sp.Start:sp.End] != want {
		t.Errorf("the standfirst's span %v holds %q, want %q", sp, doc.Text[min(sp.Start, len(doc.Text)):min(sp.End, len(doc.Text))], want)
	}
	if ev.Documents[0].Marked[0].Start != at || ev.Documents[0].Lead[0].Start != lead {
		t.Errorf("Blind changed the input's spans")
	}
}

// TestBlindLoaded hides names with brackets read from a manifest and from
// an HTML page's site name.
func TestBlindLoaded(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"event.yaml": "articles:\n  - file: v.txt\n    outlet: The Voice (Orvale)\n  - file: b.html\n",
		"v.txt":      "Dam breaks\n\nThe Orvale dam broke on Sunday night, officials said. \"We heard a roar like thunder,\" resident Pia Holm told The Voice (Orvale).\n",
		"b.html": `<!DOCTYPE html><html><head><title>Dam collapses</title><meta property="og:site_name" content="River <Echo>"></head>
<body><article><h1>Dam collapses</h1><p>The Orvale dam collapsed on Sunday night, officials said. "We heard a roar like thunder," resident Pia Holm told River &lt;Echo&gt;.</p></article></body></html>`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]bool{}
	for _, k := range key {
		outlets[k.Outlet] = true
	}
	if !outlets["The Voice (Orvale)"] || !outlets["River <Echo>"] {
		t.Fatalf("outlets %v, want The Voice (Orvale) and River <Echo>", key)
	}
	for _, d := range blind.Documents {
		for _, name := range []string{"Voice", "Echo"} {
			if strings.Contains(d.Text, name) || strings.Contains(d.Headline, name) {
				t.Errorf("%s: %q still appears in %q", d.Name, name, d.Text)
			}
		}
		if !strings.Contains(d.Text, `"We heard a roar like thunder," resident Pia Holm told Outlet `) {
			t.Errorf("%s: the quote or the name's replacement is gone: %q", d.Name, d.Text)
		}
	}
}

// TestBlindLoadedBylines checks an event as slant loads it, from HTML,
// Markdown and plain text, with bylines, links, a name over a line break,
// a tag in capitals and a name's head word alone: no outlet's name is
// left anywhere in the comparison, and the rest of the text is.
func TestBlindLoadedBylines(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"event.yaml": "title: Orvale dam gates opened\narticles:\n  - file: bugle.html\n    outlet: Quillton Bugle\n  - file: gallop.md\n    outlet: Daily Gallop\n  - file: herald.txt\n    outlet: Ostrel Herald\n",
		"bugle.html": `<!DOCTYPE html><html><head><title>Dam gates opened after flood | Quillton Bugle</title></head>
<body><article><h1>Dam gates opened after flood</h1>
<p class="byline">By Jo Vance, Quillton Bugle</p>
<p>Engineers opened the Orvale dam gates on Tuesday after the river rose two metres overnight, officials said.</p>
<p>"We had no choice," said site manager Pia Holm. The Daily Gallop first reported the order; read the notice <a href="https://quilltonbugle.example/notice">here</a>.</p>
<p>© 2026 Quillton Bugle</p></article></body></html>`,
		"gallop.md": "# Dam gates opened as river rises\n\n*By Lee Marsh, Daily Gallop*\n\n" +
			"Engineers opened the Orvale dam gates on Tuesday after the river rose two metres overnight, officials said.\n\n" +
			"\"We had no choice,\" said site manager Pia Holm, who told the Gallop that forty homes were moved. The Quillton\nBugle disagreed.\n\n" +
			"Read the notice [here](https://quilltonbugle.example/notice) and [our coverage](https://dailygallop.example/flood).\n\n" +
			"Gallop reporters saw the gates open. #GALLOPLIVE\n",
		"herald.txt": "Dam gates opened in Orvale\n\nORVALE (OSTREL HERALD) - Engineers opened the Orvale dam gates on Tuesday after the river rose two metres overnight, officials said.\n\n" +
			"\"The Bugle and the Gallop got the numbers wrong,\" said site manager Pia Holm.\n\nDana Roe/Ostrel Herald\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	blind, _, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(blind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	all.WriteString(res.Event.Title + "\n")
	for _, a := range res.Articles {
		for _, s := range []string{a.ID, a.Outlet, a.Source, a.Headline, a.Text} {
			all.WriteString(s + "\n")
		}
		for _, r := range a.Removed {
			all.WriteString(r.Text + "\n")
		}
	}
	text := all.String()
	for _, name := range []string{"quillton", "bugle", "gallop", "ostrel", "herald"} {
		if k := strings.Index(strings.ToLower(text), name); k >= 0 {
			t.Errorf("%q still appears: %q", name, text[max(k-40, 0):min(k+40, len(text))])
		}
	}
	for _, kept := range []string{"said site manager Pia Holm", "Orvale dam gates", "who told Outlet ", "Dana Roe/Outlet "} {
		if !strings.Contains(text, kept) {
			t.Errorf("%q is gone from the blind texts:\n%s", kept, text)
		}
	}
}

// TestBlindEveryName hides every name slant knows for an outlet, in every
// form: the manifest's name, the page's own site name when the manifest
// names the outlet differently, the copyright line's name, their short
// forms ("the Bugle"), lower-case forms and handles. No outlet's word is
// left in the blind comparison, and the rest of the text is.
func TestBlindEveryName(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"event.yaml": "title: Zephyr Bridge\narticles:\n  - file: bugle.txt\n  - file: gazette.md\n" +
			"  - file: herald.html\n    outlet: Ostrel Herald\n  - file: wire.txt\n    outlet: Portvale Wire Service\n",
		"bugle.txt": "Zephyr Bridge shut after cracks found\n\nThe Zephyr Bridge in Portvale was closed on Monday after inspectors found cracks in two support beams.\n\n" +
			"\"We will not reopen it until it is safe,\" city engineer Dana Roe told the Bugle, adding that quillton bugle readers had complained.\n\n" +
			"© 2026 Quillton Bugle. All rights reserved.\n",
		"gazette.md": "# Bridge shut as cracks appear\n\nThe Zephyr Bridge in Portvale was closed Monday when inspectors found cracks in two support beams, a Fernwick Gazette reporter said.\n\n" +
			"Dana Roe said the bridge would stay shut \"until it is safe,\" the Gazette's analysis shows. #FernwickGazette\n\n" +
			"© 2026 Fernwick Gazette. All rights reserved.\n",
		"herald.html": `<!DOCTYPE html><html><head><title>Zephyr Bridge closed</title><meta property="og:site_name" content="The Herald of Ostrel"></head>
<body><article><h1>Zephyr Bridge closed</h1><p>The Zephyr Bridge in Portvale was closed on Monday after inspectors found cracks in two of its support beams.</p>
<p>"We will not reopen it until it is safe," Dana Roe said in an interview with The Herald of Ostrel. "The Herald was fair," she added. Follow @ostrel_herald.</p></article></body></html>`,
		// The manifest's name is not the one the copyright line gives.
		"wire.txt": "Zephyr Bridge closed\n\nThe Zephyr Bridge in Portvale was closed on Monday after inspectors found cracks, Dana Roe told Kestrel Newswire.\n\n" +
			"© 2026 Kestrel Newswire\n",
	})
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(blind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, d := range blind.Documents {
		all.WriteString(d.Headline + "\n" + d.Text + "\n" + strings.Join(d.Aliases, "\n") + "\n")
	}
	for _, a := range res.Articles {
		for _, s := range []string{a.ID, a.Outlet, a.Source, a.Headline, a.Text} {
			all.WriteString(s + "\n")
		}
	}
	text := strings.ToLower(all.String())
	for _, w := range []string{"bugle", "gazette", "herald", "ostrel", "fernwick", "quillton", "kestrel", "newswire", "portvale wire"} {
		if strings.Contains(text, w) {
			t.Errorf("%q still appears in the blind comparison:\n%s", w, all.String())
		}
	}
	letter, slug := map[string]string{}, map[string]string{}
	for _, k := range key {
		letter[k.Outlet], slug[k.Outlet] = k.Name, "outlet-"+strings.ToLower(k.Letter)
	}
	for _, want := range []string{
		`Dana Roe told ` + letter["Quillton Bugle"] + `, adding that ` + letter["Quillton Bugle"] + ` readers`,
		letter["Fernwick Gazette"] + `'s analysis shows. #` + slug["Fernwick Gazette"],
		`in an interview with ` + letter["Ostrel Herald"] + `. "` + letter["Ostrel Herald"] + ` was fair," she added. Follow @` + slug["Ostrel Herald"] + `.`,
		`Dana Roe told ` + letter["Portvale Wire Service"] + `.`,
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the blind texts do not hold %q:\n%s", want, all.String())
		}
	}
}

// TestBlindSameAlignments checks that blind mode changes nothing but the
// names: the same sentences are grouped, with the same scores, as in the
// named comparison, the headlines too. The placeholders "Outlet A",
// "Outlet B" are no evidence: read as a name, "Outlet" would join the
// last sentences of the first event written here, which only cite an
// outlet each. The names they stand for are, blind as named: in the
// second event, two sentences share "Bugle" and a third names another
// outlet.
func TestBlindSameAlignments(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	own := t.TempDir()
	writeFiles(t, own, map[string]string{
		"harbor-times.txt": "Union rejects night shifts\n\nThe union rejected the council's plan for night shifts at the shelters on Tuesday.\n\n" +
			"Ana Ruiz told Harbor Times.\n\n© 2026 Harbor Times\n",
		"bay-courier.txt": "Teachers refuse shelter rota\n\nThe union turned down the council's plan for night shifts at the shelters on Tuesday.\n\n" +
			"The Bay Courier has learned this.\n",
	})
	// Sentences that name outlets, grouped with sentences that name
	// another, the same or none: scored with the names as evidence, blind
	// as named.
	named := t.TempDir()
	writeFiles(t, named, map[string]string{
		"event.yaml": "articles:\n  - file: a.txt\n    outlet: Harbor Ledger\n  - file: b.txt\n    outlet: Quillton Bugle\n  - file: c.txt\n    outlet: Ostrel Herald\n",
		"a.txt": "Levee Holds as Quillton Bugle Watches\n\nThe levee at Orvale held overnight, engineers said.\n\n" +
			"Rescue crews reached Pia Holm, the Quillton Bugle reported.\n\nThe river fell by noon, a Harbor Ledger reporter saw.\n",
		"b.txt": "Levee survives\n\nThe Orvale levee held through the night, engineers told the Bugle.\n\n" +
			"Rescue crews reached Pia Holm, the Bugle has learned.\n\nCrowds gathered.\n",
		"c.txt": "Levee stands\n\nEngineers said the Orvale levee held overnight.\n\n" +
			"Rescuers reached Holm, Ostrel Herald reporters saw.\n\nThe river fell by noon.\n",
	})
	for _, dir := range append(dirs, own, named) {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		named, err := Compare(ev, Options{})
		if err != nil {
			t.Fatal(err)
		}
		blind, key, err := Blind(ev)
		if err != nil {
			t.Fatal(err)
		}
		blindRes, err := Compare(blind, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// Blind ids are "outlet-a", ...; the key gives each one's outlet,
		// and the named comparison that outlet's id.
		idOf := map[string]string{}
		for _, a := range named.Articles {
			idOf[a.Outlet] = a.ID
		}
		realID := map[string]string{}
		for _, a := range blindRes.Articles {
			for _, k := range key {
				if k.Name == a.Outlet {
					realID[a.ID] = idOf[k.Outlet]
				}
			}
		}
		groups := func(res *Result, id func(string) string) map[string]float64 {
			out := map[string]float64{}
			for _, al := range res.Alignments {
				var members []string
				for _, m := range al.Members {
					members = append(members, fmt.Sprint(id(m.Outlet), m.Sentences))
				}
				slices.Sort(members)
				out[strings.Join(members, " ")] = al.Score
			}
			return out
		}
		want := groups(named, func(id string) string { return id })
		got := groups(blindRes, func(id string) string { return realID[id] })
		for g, score := range want {
			blindScore, ok := got[g]
			switch {
			case !ok:
				t.Errorf("%s: group %s of the named comparison is not in the blind one", filepath.Base(dir), g)
			case math.Abs(blindScore-score) > 1e-9:
				t.Errorf("%s: group %s scores %.3f blind, %.3f named", filepath.Base(dir), g, blindScore, score)
			}
		}
		for g := range got {
			if _, ok := want[g]; !ok {
				t.Errorf("%s: group %s of the blind comparison is not in the named one", filepath.Base(dir), g)
			}
		}
		if (named.Headlines == nil) != (blindRes.Headlines == nil) || named.Headlines != nil && named.Headlines.Score != blindRes.Headlines.Score {
			t.Errorf("%s: the headlines score %v blind, %v named", filepath.Base(dir), blindRes.Headlines, named.Headlines)
		}
	}
}

// TestBlindEvidence checks that what a blind comparison shows of the
// evidence that sentences match holds no hidden name: a name the
// sentences share, in the text or in a quotation, shows as its
// placeholder.
func TestBlindEvidence(t *testing.T) {
	ev := Event{Documents: []Document{
		{Source: "a.txt", Name: "a", Kind: "text", Outlet: "Harbor Ledger", OutletFrom: "manifest",
			Text: "Levee holds\n\n\"I told the Quillton Bugle the levee would hold,\" engineer Pia Holm said on Monday, as Bugle reporters watched.\n"},
		{Source: "b.txt", Name: "b", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest",
			Text: "Levee survives\n\n\"I told the Quillton Bugle the levee would hold,\" engineer Pia Holm said, as the Bugle watched from ostrelbugle.example.\n"},
	}}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(blind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Alignments) != 1 {
		t.Fatalf("%d groups, want 1", len(res.Alignments))
	}
	e := res.Alignments[0].Evidence
	all := strings.ToLower(fmt.Sprint(e.Names, e.Numbers, e.Words, e.Related, e.Quotes))
	for _, w := range []string{"quillton", "bugle", "ledger", "harbor"} {
		if strings.Contains(all, w) {
			t.Errorf("the evidence shows %q: %+v", w, e)
		}
	}
	var bugle string
	for _, k := range key {
		if k.Outlet == "Quillton Bugle" {
			bugle = k.Name
		}
	}
	if !slices.Contains(e.Names, bugle) || !slices.Contains(e.Quotes, strings.ToLower(bugle)) {
		t.Errorf("the evidence does not show the shared name as %q: %+v", bugle, e)
	}
}

// TestBlindTitle checks that an outlet named in the event's title (from
// event.yaml, which heads every report and the worksheet) is hidden there.
func TestBlindTitle(t *testing.T) {
	ev := Event{Title: "Quillton Bugle reporters see Ostrel dam spill", Documents: []Document{
		{Source: "a.txt", Name: "a", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest",
			Text: "Dam spills\n\nThe Ostrel dam spilled on Monday, the Quillton Bugle saw.\n"},
		{Source: "b.txt", Name: "b", Kind: "text", Outlet: "Harbor Lantern", OutletFrom: "manifest",
			Text: "Dam spills\n\nThe Ostrel dam spilled on Monday night.\n"},
	}}
	out, _, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.Title, "Quillton") || !strings.Contains(out.Title, "Outlet ") {
		t.Errorf("title %q, want the outlet's name hidden", out.Title)
	}
}

// TestBlindArticle checks that "a" before a hidden name reads "an" before
// its placeholder, and that offsets still find the text.
func TestBlindArticle(t *testing.T) {
	ev := Event{Documents: []Document{
		{Source: "a.txt", Name: "a", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest",
			Text: "Dam spills\n\nA Quillton Bugle photographer saw the dam spill, and a Quillton Bugle reporter counted the trucks. Hannah Quillton Bugle-style prose stays.\n"},
		{Source: "b.txt", Name: "b", Kind: "text", Outlet: "Harbor Lantern", OutletFrom: "manifest",
			Text: "Dam spills\n\nThe dam spilled on Monday night, a reporter saw.\n"},
	}}
	out, _, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	text := out.Documents[0].Text
	for _, want := range []string{"An Outlet ", "and an Outlet "} {
		if !strings.Contains(text, want) {
			t.Errorf("text %q lacks %q", text, want)
		}
	}
	if strings.Contains(text, "a Outlet") || strings.Contains(text, "A Outlet") {
		t.Errorf("text %q keeps 'a' before a placeholder", text)
	}
}

// TestBlindHeadlines checks that a name in a headline in title case is
// hidden: in the event's title, and in a headline from a page's metadata,
// which is judged with its article's text ("the Post" there makes "Post"
// in the headline the outlet).
func TestBlindHeadlines(t *testing.T) {
	ev := Event{Title: "Bugle Reporters Barred From Flood Zone", Documents: []Document{
		{Source: "post.html", Name: "post", Kind: "html", Outlet: "Evening Post", OutletFrom: "manifest",
			Headline: "Flood Hits Orvale, Post Finds",
			Text:     "Flood Hits Orvale, Post Finds\n\nResidents told the Post that the river rose.\n"},
		{Source: "bugle.txt", Name: "bugle", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest",
			Text: "Police Tell Bugle Reporters to Leave\n\nPolice told the Bugle to leave the flood zone.\n"},
	}}
	out, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	letter := map[string]string{}
	for _, k := range key {
		letter[k.Outlet] = k.Name
	}
	for _, c := range []struct{ what, got, want string }{
		{"title", out.Title, letter["Quillton Bugle"] + " Reporters Barred From Flood Zone"},
		{"page headline", out.Documents[0].Headline, "Flood Hits Orvale, " + letter["Evening Post"] + " Finds"},
		{"text", out.Documents[0].Text, "Flood Hits Orvale, " + letter["Evening Post"] + " Finds\n\nResidents told " + letter["Evening Post"] + " that the river rose.\n"},
		{"text", out.Documents[1].Text, "Police Tell " + letter["Quillton Bugle"] + " Reporters to Leave\n\nPolice told " + letter["Quillton Bugle"] + " to leave the flood zone.\n"},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.what, c.got, c.want)
		}
	}
}

// FuzzBlind hides outlets' names in any text: it must not panic, and the
// kept spans, one per byte of the text, must map to spans of the new text
// that run in order (the bytes of one replaced name all map to its
// replacement) and cover it.
func FuzzBlind(f *testing.F) {
	for _, seed := range []string{
		"Bugle Tells Morgan Why\n\nThe Quillton Bugle's editor told the Bugle. Ostrel News' critic, 'Ostrel News' said.",
		"See https://www.quilltonbugle.example/x, tips@ostrelnews.example, @TheBugle, #Morgan, morgan.example.",
		"A Bugle-owned drone; THE BUGLE; Star reporters; the Daily Star’s editor; the Post-war years.",
		"the ", "a Morgan", "'", "News' ", "Bugle-",
		"#BugleLive #ostrelnews2026 @AskTheBugle #BugleBoy, Bugle Boy jeans; #ÉlanBugle #ÀB",
		"ostrel.news@example.com, QUILLTON BUGLE'S editor, MORGAN - Dam, © 2026 MORGAN, Morgan-owned, a Morgan",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return
		}
		kept := make([]Span, len(text))
		for i := range kept {
			kept[i] = Span{i, i + 1}
		}
		ev := Event{Title: text, Documents: []Document{
			{Source: "a.txt", Name: "a", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest", Text: text, Headline: text, Kept: kept},
			{Source: "b.txt", Name: "b", Kind: "text", Outlet: "Ostrel News", OutletFrom: "manifest", Text: text},
			{Source: "c.txt", Name: "c", Kind: "text", Outlet: "Morgan", OutletFrom: "manifest", Text: text},
			{Source: "d.txt", Name: "d", Kind: "text", Outlet: "Fenwick Daily Star", OutletFrom: "manifest", Text: text},
		}}
		out, _, err := Blind(ev)
		if err != nil {
			t.Fatal(err)
		}
		doc := out.Documents[0]
		var prev Span
		for k, sp := range doc.Kept {
			if sp.Start < prev.Start || sp.End < prev.End || sp.Start > prev.End || sp.End < sp.Start || sp.End > len(doc.Text) {
				t.Fatalf("byte %d maps to %v after %v, in a text of %d bytes", k, sp, prev, len(doc.Text))
			}
			prev = sp
		}
		if len(text) > 0 && (doc.Kept[0].Start != 0 || prev.End != len(doc.Text)) {
			t.Fatalf("the spans cover %d..%d of %d bytes", doc.Kept[0].Start, prev.End, len(doc.Text))
		}
		// The evidence the comparison reads: the old text's offsets run
		// in order, and what it shows of a name is what the blind text
		// shows.
		b := doc.blinded.of(doc.Text)
		if b == nil {
			t.Fatal("the blind text does not fit its history")
		}
		last := 0
		for i := 0; i <= len(doc.Text); i++ {
			from, to := b.moved.old(i, false), b.moved.old(i, true)
			if from < last || to < from || to > len(b.text) {
				t.Fatalf("offset %d maps back to %d..%d after %d, in a text of %d bytes", i, from, to, last, len(b.text))
			}
			last = from
		}
		ws, shown := b.evidence(doc.Text, 0, len(doc.Text), false)
		for k := range shown {
			if shown[k] != "" && !strings.Contains(doc.Text, shown[k]) {
				t.Fatalf("word %q shows as %q, which the blind text does not hold", ws[k].text, shown[k])
			}
		}
	})
}

// TestBlindScaling checks that hiding names takes time about linear in
// the text, on texts made to read lines, runs and pairs again and again:
// one long line in title case full of names next to capitalised words,
// one long run without spaces full of names, and one long line of
// possessives and quotation marks.
func TestBlindScaling(t *testing.T) {
	const n = 64 << 10
	texts := map[string]func(i int) string{
		"title case": func(i int) string { return fmt.Sprintf("Bugle Tells Morgan%d Post Finds Tess Morgan Bugle ", i) },
		"one run":    func(i int) string { return fmt.Sprintf("quilltonbugle.example/%d/morgan.", i) },
		"quotes":     func(i int) string { return fmt.Sprintf("'a smear by Ostrel News' %d Ostrel News' critic ", i) },
	}
	blind := func(text string) time.Duration {
		ev := Event{Documents: []Document{
			{Source: "a.txt", Name: "a", Kind: "text", Outlet: "Quillton Bugle", OutletFrom: "manifest", Text: text, Headline: text},
			{Source: "b.txt", Name: "b", Kind: "text", Outlet: "Morgan", OutletFrom: "manifest", Text: "Nothing."},
			{Source: "c.txt", Name: "c", Kind: "text", Outlet: "Evening Post", OutletFrom: "manifest", Text: "Nothing."},
			{Source: "d.txt", Name: "d", Kind: "text", Outlet: "Ostrel News", OutletFrom: "manifest", Text: "Nothing."},
		}}
		best := time.Duration(math.MaxInt64)
		for range 3 {
			start := growth.CPUNow()
			if _, _, err := Blind(ev); err != nil {
				t.Fatal(err)
			}
			best = min(best, growth.CPUNow()-start)
		}
		return best
	}
	for name, piece := range texts {
		t.Run(name, func(t *testing.T) {
			make := func(size int) string {
				var b strings.Builder
				for i := 0; b.Len() < size; i++ {
					b.WriteString(piece(i))
				}
				return b.String()
			}
			growth.Check(t, "the text", n, func(size int) time.Duration { return blind(make(size)) })
		})
	}
}
