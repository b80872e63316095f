// Command gen writes a synthetic news event for timing slant: a directory of
// plain-text articles in which several outlets report one fictional flood.
//
//	go run ./bench/gen -outlets 10 -sentences 40 -seed 1 -o /tmp/event
//
// A fact sheet of about -sentences facts (casualties, evacuations, closures,
// rescue work, background, and quotations from named people) is drawn once
// from the seed. Each outlet then retells it: it leaves out some facts, moves
// others away from their place in the story, picks one of several phrasings
// of each, swaps some words for near synonyms, gives quotations in full,
// trimmed, split around their attribution or as partial quotes, and adds a
// few sentences of its own. Each file is a headline, a blank line, and
// paragraphs separated by blank lines. The same flags give the same bytes, and
// an outlet's article does not depend on how many outlets there are.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	outlets := flag.Int("outlets", 10, "number of outlets (articles)")
	sentences := flag.Int("sentences", 40, "about how many sentences each article has")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same event")
	out := flag.String("o", "", "directory to write the articles to (created if missing)")
	flag.Parse()
	if *out == "" || *outlets < 2 || *sentences < 5 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -outlets N (>= 2) -sentences S (>= 5) [-seed K] -o DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	w := newWorld(*seed)
	facts := w.factSheet(*sentences)
	names := outletNames(*seed, *outlets)
	total := 0
	for o, name := range names {
		text, n := w.article(facts, name, *seed, o)
		total += n
		path := filepath.Join(*out, slug(name)+".txt")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "gen: %d articles, %d sentences, %d facts, in %s\n", len(names), total, len(facts), *out)
}

// person is someone the event quotes.
type person struct {
	name  string // "Ilse Brandt"
	lead  string // before a leading quote: "Mayor Ilse Brandt"
	desc  string // apposition after the name: "the mayor of Calder Vale"
	kind  int    // which quotations suit them: official, rescuer, expert, resident
	place string // a resident's district
}

const (
	official = iota
	rescuer
	expert
	resident
)

// quoteLine is one thing a person says, with the partial-quote sentence an
// outlet may use instead: frame holds %s for the name and %q-free quotes
// around a fragment of full.
type quoteLine struct {
	kind  int
	full  string // one sentence, no final punctuation; {d} is a district, {n} a number
	frame string // "%s said ... \"fragment\" ..."; fragment is a substring of full
}

var quoteLines = []quoteLine{
	{official, "We are doing everything we can to reach the people still cut off in {d}", `%s said officials were doing "everything we can" to reach those cut off in {d}.`},
	{official, "Nobody should go back into {d} until the engineers tell us it is safe", `%s urged residents not to return to {d} "until the engineers tell us it is safe".`},
	{official, "There will be a full and independent inquiry into why the spillway failed", `%s promised "a full and independent inquiry" into the failure.`},
	{official, "This is the worst night this city has lived through in a generation", `%s called it "the worst night this city has lived through in a generation".`},
	{official, "Every family that lost a home will get help to rebuild it", `%s pledged that "every family that lost a home" would get help.`},
	{official, "The warnings went out as soon as we knew the wall was giving way", `%s insisted the warnings went out "as soon as we knew the wall was giving way".`},
	{rescuer, "Our crews have been working through the night and they will keep going until every street in {d} is clear", `%s said crews had been "working through the night" in {d}.`},
	{rescuer, "We pulled {n} people off rooftops before the sun came up", `%s said rescuers had pulled "{n} people off rooftops" before dawn.`},
	{rescuer, "The current in {d} is still too strong for the smaller boats", `%s said the current in {d} was "still too strong for the smaller boats".`},
	{rescuer, "We are asking people to stay upstairs, stay calm and wait for us", `%s asked people to "stay upstairs, stay calm and wait" for rescuers.`},
	{expert, "The spillway was designed for a flood that comes once in a hundred years, and this rain was heavier than that", `%s said the spillway was built for "a flood that comes once in a hundred years".`},
	{expert, "Cracks in that wall were reported at least twice in the last decade", `%s said cracks in the wall "were reported at least twice in the last decade".`},
	{expert, "The river will stay above its banks for several more days", `%s warned the river would "stay above its banks for several more days".`},
	{expert, "Nobody who looked at the inspection reports can say this was a surprise", `%s said the failure should not have been "a surprise".`},
	{resident, "The water came through the front door in less than ten minutes", `%s said the water came in "in less than ten minutes".`},
	{resident, "We heard no siren, nothing, until the neighbours started shouting", `%s said they "heard no siren" before the water arrived.`},
	{resident, "Everything we own is under a metre of mud", `%s said "everything we own" was under mud.`},
	{resident, "My mother is 87 and we had to carry her up to the roof", `%s described having "to carry her up to the roof".`},
}

type world struct {
	rng       *rand.Rand
	city      string
	river     string
	day       string
	districts []string
	venues    []string
	bridges   []string
	hospitals []string
	agencies  []string
	people    []person
	once      map[int]bool // fact families already used that happen only once
}

var (
	firstNames = []string{"Ilse", "Tomas", "Marta", "Jonas", "Renata", "Pavel", "Alma", "Oskar", "Vera", "Emil", "Lucia", "Anton", "Greta", "Milan", "Hanna", "Karel", "Sofia", "Viktor", "Nora", "Felix", "Dana", "Roman", "Irene", "Stefan"}
	lastNames  = []string{"Brandt", "Halvorsen", "Kellan", "Duric", "Mateus", "Okafor", "Lindqvist", "Sorel", "Varga", "Petrak", "Nyberg", "Castell", "Ferrin", "Albescu", "Morrow", "Tanaka", "Reyl", "Ostrova", "Quint", "Dahlberg", "Ivers", "Lenz", "Marek", "Weller"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

func newWorld(seed uint64) *world {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	cities := [][2]string{{"Calder Vale", "Orrin"}, {"Brask", "Selm"}, {"Marrow Bay", "Tessel"}, {"Kessling", "Avon Dree"}}
	c := cities[r.IntN(len(cities))]
	w := &world{rng: r, city: c[0], river: c[1], day: weekdays[r.IntN(len(weekdays))], once: map[int]bool{}}
	w.districts = shuffled(r, []string{"Millbrook", "Eastwharf", "Saltmarsh", "Old Town", "Kettle Hill", "Farrow", "Linden Park", "Riverside", "Greyford", "Ashcombe", "Nettlebank", "Hollins", "Brackwater", "Stonegate", "Upper Selby", "Wren Green", "Tanners Row", "Cold Harbour"})
	w.venues = shuffled(r, []string{"the St Agnes school gym", "the city exhibition hall", "the Northgate sports centre", "the central library", "the old tram depot", "the university campus", "the Hollins community centre", "the ice rink"})
	w.bridges = shuffled(r, []string{"Queen Mary", "Mill Lane", "Foundry", "Iron", "Harbour", "Victory", "Cathedral", "Weavers"})
	w.hospitals = shuffled(r, []string{"St Luke's", "Vale General", "Riverside Memorial", "Kettle Hill Children's"})
	w.agencies = shuffled(r, []string{"national civil protection agency", "regional fire service", "Vale Relief Society", "army engineering corps", "coast guard"})
	// The people the event quotes: officials first, then the others.
	fn, ln := shuffled(r, firstNames), shuffled(r, lastNames)
	name := func(i int) string { return fn[i%len(fn)] + " " + ln[(i*7)%len(ln)] }
	roles := []struct {
		kind       int
		lead, desc string
	}{
		{official, "Mayor", "the mayor of " + w.city},
		{official, "Interior Minister", "the interior minister"},
		{rescuer, "Fire Chief", "the head of the regional fire service"},
		{expert, "Professor", "a hydrologist at " + w.city + " University"},
		{official, "Governor", "the regional governor"},
		{rescuer, "Captain", "who leads the coast guard's boat teams"},
		{expert, "Engineer", "a former inspector of the dam"},
		{resident, "", ""},
		{resident, "", ""},
		{resident, "", ""},
		{resident, "", ""},
	}
	for i, ro := range roles {
		p := person{name: name(i), kind: ro.kind}
		if ro.kind == resident {
			p.place = w.districts[r.IntN(len(w.districts))]
			p.lead = p.name + ", who lives in " + p.place + ","
			p.desc = "a resident of " + p.place
		} else {
			p.lead = ro.lead + " " + p.name
			p.desc = ro.desc
		}
		w.people = append(w.people, p)
	}
	return w
}

// fact is one item of the fact sheet.
type fact struct {
	variants []string // phrasings of the same sentence
	quote    *quoteFact
	lead     bool // belongs at the top of every story
}

type quoteFact struct {
	who   person
	lines []string // one or two sentences the person said, without final punctuation
	frame string   // the partial-quote sentence for the first line, name already in
}

func (w *world) district() string   { return w.districts[w.rng.IntN(len(w.districts))] }
func (w *world) num(lo, hi int) int { return lo + w.rng.IntN(hi-lo+1) }

// factSheet draws n facts: two lead facts, then a mix of news facts and
// quotations, roughly one quotation in four.
func (w *world) factSheet(n int) []fact {
	r := w.rng
	dead := w.num(9, 60)
	hours := w.num(20, 40)
	facts := []fact{
		{lead: true, variants: []string{
			fmt.Sprintf("At least %d people have died after the spillway of the %s Dam gave way above %s on %s, flooding %d districts.", dead, w.river, w.city, w.day, w.num(5, 9)),
			fmt.Sprintf("The spillway of the %s Dam collapsed above %s on %s, sending water through the city and killing at least %d people.", w.river, w.city, w.day, dead),
			fmt.Sprintf("At least %d people were killed in %s on %s when the spillway of the %s Dam failed.", dead, w.city, w.day, w.river),
		}},
		{lead: true, variants: []string{
			fmt.Sprintf("Engineers said a section of the spillway wall gave way under the weight of water after %d hours of heavy rain.", hours),
			fmt.Sprintf("A section of the spillway wall broke under the pressure of the water after %d hours of heavy rain, engineers said.", hours),
			fmt.Sprintf("After %d hours of torrential rain, part of the spillway wall collapsed, according to engineers.", hours),
		}},
	}
	lastQuote := -2
	used := map[int]bool{}
	for i := len(facts); i < n; i++ {
		if i-lastQuote > 2 && r.IntN(3) == 0 {
			facts = append(facts, w.quoteFact(used))
			lastQuote = i
			continue
		}
		facts = append(facts, w.newsFact())
	}
	return facts
}

func (w *world) quoteFact(used map[int]bool) fact {
	r := w.rng
	p := w.people[r.IntN(len(w.people))]
	var pool []int
	for i, q := range quoteLines {
		if q.kind == p.kind && !used[i] {
			pool = append(pool, i)
		}
	}
	if len(pool) == 0 { // every line of this kind said: reuse, with new details
		for i, q := range quoteLines {
			if q.kind == p.kind {
				pool = append(pool, i)
			}
		}
	}
	pool = shuffled(r, pool)
	d := p.place
	if d == "" {
		d = w.district()
	}
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "{d}", d)
		return strings.ReplaceAll(s, "{n}", fmt.Sprint(w.num(7, 90)))
	}
	q := &quoteFact{who: p}
	first := quoteLines[pool[0]]
	used[pool[0]] = true
	n := fmt.Sprint(w.num(7, 90))
	q.lines = append(q.lines, strings.ReplaceAll(strings.ReplaceAll(first.full, "{d}", d), "{n}", n))
	q.frame = strings.ReplaceAll(strings.ReplaceAll(fmt.Sprintf(first.frame, p.name), "{d}", d), "{n}", n)
	if len(pool) > 1 && r.IntN(3) > 0 {
		q.lines = append(q.lines, fill(quoteLines[pool[1]].full))
		used[pool[1]] = true
	}
	return fact{quote: q}
}

func (w *world) newsFact() fact {
	r := w.rng
	d := w.district()
	day := weekdays[(indexOf(weekdays, w.day)+1+r.IntN(3))%7]
	var v []string
	family := r.IntN(14)
	for w.once[family] { // the dam's history is told once
		family = r.IntN(14)
	}
	switch family {
	case 0:
		n, m := w.num(2, 19), w.num(10, 140)
		v = []string{
			fmt.Sprintf("At least %d people were killed and %d injured when floodwater swept through %s.", n, m, d),
			fmt.Sprintf("Floodwater that swept through %s killed at least %d people and injured %d.", d, n, m),
			fmt.Sprintf("In %s, at least %d people died and %d were hurt as the water swept through.", d, n, m),
		}
	case 1:
		n, venue := commas(w.num(300, 9000)), w.venues[r.IntN(len(w.venues))]
		v = []string{
			fmt.Sprintf("Authorities evacuated %s residents of %s and took many of them to %s.", n, d, venue),
			fmt.Sprintf("%s residents were evacuated from %s, many of them to %s, officials said.", upper(n), d, venue),
			fmt.Sprintf("Officials moved %s people out of %s, taking many to %s.", n, d, venue),
		}
	case 2:
		n := commas(w.num(800, 30000))
		v = []string{
			fmt.Sprintf("Power was cut to %s homes in %s after a substation flooded.", n, d),
			fmt.Sprintf("About %s households in %s lost electricity when a substation went under water.", n, d),
			fmt.Sprintf("A flooded substation left %s homes in %s without power.", n, d),
		}
	case 3:
		b, x := w.bridges[r.IntN(len(w.bridges))], fmt.Sprintf("%d.%d", w.num(2, 6), w.num(1, 9))
		v = []string{
			fmt.Sprintf("The %s Bridge was closed after the %s rose %s metres above its usual level.", b, w.river, x),
			fmt.Sprintf("With the %s %s metres above its normal level, police closed the %s Bridge.", w.river, x, b),
			fmt.Sprintf("Police shut the %s Bridge as the %s climbed %s metres above normal.", b, w.river, x),
		}
	case 4:
		a, n, k := w.agencies[r.IntN(len(w.agencies))], w.num(40, 600), w.num(6, 45)
		v = []string{
			fmt.Sprintf("The %s sent %d rescue workers and %d boats to %s.", a, n, k, d),
			fmt.Sprintf("%s boats and %d rescue workers from the %s were sent to %s.", upper(spell(k)), n, a, d),
			fmt.Sprintf("The %s said it had deployed %d rescuers and %d boats in %s.", a, n, k, d),
		}
	case 5:
		n, venue := w.num(120, 2400), w.venues[r.IntN(len(w.venues))]
		v = []string{
			fmt.Sprintf("%s people spent %s night at an emergency shelter in %s.", upper(commas(n)), w.day, venue),
			fmt.Sprintf("An emergency shelter at %s took in %s people on %s night.", venue, commas(n), w.day),
		}
	case 6:
		mm, h := w.num(90, 260), w.num(12, 48)
		v = []string{
			fmt.Sprintf("The national weather service said %d millimetres of rain fell on %s in %d hours.", mm, d, h),
			fmt.Sprintf("The national weather service recorded %d millimetres of rain in %s over %d hours.", mm, d, h),
			fmt.Sprintf("In %d hours, %d millimetres of rain fell on %s, according to the national weather service.", h, mm, d),
		}
	case 7:
		p := w.people[r.IntN(3)]
		amt := w.num(40, 900)
		v = []string{
			fmt.Sprintf("%s put the cost of the damage in %s at %d million crowns.", p.lead, d, amt),
			fmt.Sprintf("The damage in %s will cost at least %d million crowns, according to %s, %s.", d, amt, p.name, p.desc),
		}
	case 8:
		n := w.num(3, 40)
		v = []string{
			fmt.Sprintf("%s schools in %s will stay closed until %s.", upper(spell(n)), d, day),
			fmt.Sprintf("Schools in %s, %s of them, will remain shut until %s.", d, spell(n), day),
		}
	case 9:
		n := w.num(3, 70)
		v = []string{
			fmt.Sprintf("%s people were still missing in %s on %s evening.", upper(spell(n)), d, day),
			fmt.Sprintf("By %s evening, %d people in %s had not been accounted for.", day, n, d),
			fmt.Sprintf("Rescuers were still searching for %d missing people in %s on %s.", n, d, day),
		}
	case 10:
		w.once[family] = true
		y1 := w.num(1928, 1975)
		y2 := y1 + w.num(15, 45)
		v = []string{
			fmt.Sprintf("The %s Dam was built in %d and its spillway was last repaired in %d.", w.river, y1, y2),
			fmt.Sprintf("Built in %d, the dam last had its spillway repaired in %d.", y1, y2),
		}
	case 11:
		h, n := w.hospitals[r.IntN(len(w.hospitals))], w.num(20, 400)
		v = []string{
			fmt.Sprintf("%s Hospital treated %d people for injuries and hypothermia.", h, n),
			fmt.Sprintf("%d people were treated at %s Hospital, most of them for injuries and hypothermia.", n, h),
			fmt.Sprintf("Doctors at %s Hospital said they had treated %d people, mostly for injuries and hypothermia.", h, n),
		}
	case 12:
		a, b := w.districts[r.IntN(len(w.districts))], d
		line := []string{"Red", "Coastal", "Northern", "Valley", "Airport"}[r.IntN(5)]
		v = []string{
			fmt.Sprintf("Trains on the %s line were suspended between %s and %s.", line, a, b),
			fmt.Sprintf("Rail services between %s and %s on the %s line were halted.", a, b, line),
		}
	default:
		n := w.num(5, 120)
		v = []string{
			fmt.Sprintf("The government released %d million crowns in emergency aid for %s.", n, d),
			fmt.Sprintf("%s will receive %d million crowns in emergency aid, the government said.", d, n),
			fmt.Sprintf("The government set aside %d million crowns of emergency aid for %s on %s.", n, d, day),
		}
	}
	return fact{variants: v}
}

// swaps are words an outlet may put for another, outside quotation marks.
var swaps = [][2]string{
	{"injured", "wounded"}, {"hurt", "injured"}, {"residents of", "people from"}, {"people", "residents"},
	{"homes", "houses"}, {"closed", "shut"}, {"About", "Some"}, {"officials said", "authorities said"},
	{"rescue workers", "emergency crews"}, {"boats", "vessels"}, {"heavy rain", "torrential rain"},
	{"evacuated", "moved"}, {"said", "stated"}, {"everything", "all"}, {"an emergency shelter", "a temporary shelter"},
	{"halted", "stopped"}, {"suspended", "cancelled"}, {"swept through", "tore through"},
	{"damage", "destruction"}, {"still missing", "still unaccounted for"}, {"released", "freed up"},
	{"Authorities", "Officials"}, {"substation flooded", "substation was inundated"}, {"gave way", "collapsed"},
}

var swapREs = func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(swaps))
	for i, s := range swaps {
		res[i] = regexp.MustCompile(`\b` + regexp.QuoteMeta(s[0]) + `\b`)
	}
	return res
}()

// swapWords puts near synonyms for some words of s, leaving quoted words alone
// unless alter is set.
func swapWords(r *rand.Rand, s string, rate float64, alter bool) string {
	parts := strings.Split(s, `"`)
	for i := range parts {
		if i%2 == 1 && !alter {
			continue // inside quotation marks: the speaker's words
		}
		for k, re := range swapREs {
			if re.MatchString(parts[i]) && r.Float64() < rate {
				done := false
				parts[i] = re.ReplaceAllStringFunc(parts[i], func(m string) string {
					if done {
						return m
					}
					done = true
					return swaps[k][1]
				})
			}
		}
	}
	return strings.Join(parts, `"`)
}

// own holds sentences an outlet adds of its own; %[1]s is the outlet, %[2]s a
// district, %[3]d a number.
var own = []string{
	"Residents of %[2]s told %[1]s they had heard no siren before the water arrived.",
	"%[1]s could not independently confirm the figures.",
	"A reporter for %[1]s in %[2]s saw water up to the windows of parked cars.",
	"The dam's operator did not respond to a request for comment from %[1]s.",
	"It was not immediately clear how many of the dead were children.",
	"Volunteers in %[2]s handed out %[3]d blankets from the back of a lorry, %[1]s saw.",
	"Shops in %[2]s stayed shuttered, and queues formed at the only open bakery.",
	"Social media videos verified by %[1]s showed cars floating down a street in %[2]s.",
	"Opposition politicians questioned why the dam had not been inspected since the last floods.",
	"Church bells rang in %[2]s on the evening after the flood.",
	"A petrol station in %[2]s was still under water, its roof barely visible.",
	"%[1]s counted %[3]d people sleeping in cars on higher ground above %[2]s.",
}

// fillOwn fills in a sentence of own. A sentence that names none of the
// three is kept as it is (fmt.Sprintf would append the unused values).
func fillOwn(tmpl, outlet, district string, n int) string {
	return strings.NewReplacer("%[1]s", outlet, "%[2]s", district, "%[3]d", fmt.Sprint(n)).Replace(tmpl)
}

// article writes outlet o's retelling and returns it with its sentence count.
func (w *world) article(facts []fact, outlet string, seed uint64, o int) (string, int) {
	r := rand.New(rand.NewPCG(seed, 0xa57c1e+uint64(o)))
	// Which facts, in which order: lead facts stay on top, the others drift.
	type placed struct {
		f   fact
		key float64
	}
	var story []placed
	spread := float64(len(facts)) / 5
	for i, f := range facts {
		if f.lead {
			story = append(story, placed{f, float64(i) - 100})
			continue
		}
		if r.IntN(9) == 0 { // about one fact in nine left out
			continue
		}
		story = append(story, placed{f, float64(i) + r.NormFloat64()*spread})
	}
	sort.SliceStable(story, func(a, b int) bool { return story[a].key < story[b].key })

	rate := 0.15 + r.Float64()*0.35 // how freely this outlet rewords
	var paras [][]string
	var para []string
	flush := func() {
		if len(para) > 0 {
			paras = append(paras, para)
			para = nil
		}
	}
	count := 0
	for k, p := range story {
		if p.f.quote != nil {
			flush()
			for _, s := range w.renderQuote(r, p.f.quote, rate) {
				para = append(para, s)
				count++
			}
			flush()
			continue
		}
		para = append(para, swapWords(r, p.f.variants[r.IntN(len(p.f.variants))], rate, false))
		count++
		if k > 2 && r.IntN(8) == 0 { // a sentence of the outlet's own
			para = append(para, fillOwn(own[r.IntN(len(own))], outlet, w.districts[r.IntN(len(w.districts))], w.num2(r, 12, 300)))
			count++
		}
		if k < 2 || len(para) >= 1+r.IntN(3) {
			flush()
		}
	}
	flush()

	var b strings.Builder
	b.WriteString(w.headline(r, facts[0]))
	b.WriteString("\n\n")
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(p, " "))
	}
	b.WriteString("\n")
	return b.String(), count
}

func (w *world) num2(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

var deadRE = regexp.MustCompile(`least (\d+) people`)

func (w *world) headline(r *rand.Rand, lead fact) string {
	dead := deadRE.FindStringSubmatch(lead.variants[0])[1]
	h := []string{
		fmt.Sprintf("%s dead as %s Dam spillway fails above %s", dead, w.river, w.city),
		fmt.Sprintf("%s floods: death toll rises to %s after dam spillway collapse", w.city, dead),
		fmt.Sprintf("Dam failure floods %s, killing at least %s", w.city, dead),
		fmt.Sprintf("Thousands flee as %s bursts its banks in %s", w.river, w.city),
		fmt.Sprintf("'Worst night in a generation': %s counts its dead after dam gives way", w.city),
	}
	return h[r.IntN(len(h))]
}

// renderQuote gives a quotation the way one outlet prints it.
func (w *world) renderQuote(r *rand.Rand, q *quoteFact, rate float64) []string {
	p := q.who
	lines := append([]string(nil), q.lines...)
	if r.IntN(12) == 0 { // now and then an outlet alters the speaker's words
		lines[0] = swapWords(r, `"`+lines[0]+`"`, 1, true)
		lines[0] = strings.Trim(lines[0], `"`)
	}
	said := []string{"said", "said", "said", "told reporters", "added"}[r.IntN(5)]
	switch k := r.IntN(10); {
	case len(lines) == 1 || k < 2: // trimmed to the first sentence, or only one
		if r.IntN(2) == 0 {
			return []string{fmt.Sprintf(`"%s," %s said.`, lines[0], p.name)}
		}
		return []string{fmt.Sprintf(`"%s," said %s, %s.`, lines[0], p.name, p.desc)}
	case k < 4: // full, attribution after
		return []string{fmt.Sprintf(`"%s. %s," %s %s.`, lines[0], lines[1], p.name, said)}
	case k < 6: // full, attribution first
		return []string{fmt.Sprintf(`%s %s: "%s. %s."`, p.lead, said, lines[0], lines[1])}
	case k < 8: // split around the attribution
		return []string{fmt.Sprintf(`"%s," %s, %s, said.`, lines[0], p.name, p.desc), fmt.Sprintf(`"%s."`, lines[1])}
	default: // partial quote, and sometimes the second line in full
		out := []string{swapWords(r, q.frame, rate, false)}
		if r.IntN(2) == 0 {
			out = append(out, fmt.Sprintf(`"%s," %s %s.`, lines[1], surname(p), said))
		}
		return out
	}
}

// surname is how a second reference names a person.
func surname(p person) string { return p.name[strings.LastIndexByte(p.name, ' ')+1:] }

// outletNames gives n distinct outlet names, in an order drawn from seed.
func outletNames(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0x0071e7))
	places := []string{"Northern", "Valley", "Capital", "Harbour", "Lakeside", "Evening", "Morning", "Continental", "Riverside", "Highland", "Coastal", "Metro"}
	mast := []string{"Courier", "Herald", "Post", "Times", "Wire", "Gazette", "Tribune", "Ledger", "Observer", "Dispatch"}
	var all []string
	for _, p := range places {
		for _, m := range mast {
			all = append(all, "The "+p+" "+m)
		}
	}
	all = shuffled(r, all)
	names := make([]string, n)
	for i := range names {
		names[i] = all[i%len(all)]
		if i >= len(all) {
			names[i] += fmt.Sprintf(" %d", i/len(all)+1)
		}
	}
	return names
}

func slug(s string) string {
	s = strings.ToLower(strings.TrimPrefix(s, "The "))
	return strings.ReplaceAll(s, " ", "-")
}

func shuffled[T any](r *rand.Rand, s []T) []T {
	out := append([]T(nil), s...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// commas writes 12345 as "12,345".
func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// spell writes small numbers as words, the way news copy does at the start of
// a sentence, and larger ones as figures.
func spell(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}
