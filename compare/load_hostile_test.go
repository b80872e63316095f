package compare

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// endless reads as an endless run of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestLoadDefaultLimit checks that without MaxBytes every kind of input
// stops at DefaultMaxBytes, 32 MiB, and says so.
func TestLoadDefaultLimit(t *testing.T) {
	if DefaultMaxBytes != 32<<20 {
		t.Fatalf("DefaultMaxBytes = %d, want 32 MiB", DefaultMaxBytes)
	}
	if testing.Short() {
		t.Skip("reads 32 MiB three times")
	}
	const want = "larger than the limit of 32 MiB (use --max-bytes to change it)"
	dir := t.TempDir()
	atLimit := filepath.Join(dir, "at-limit.txt")
	over := filepath.Join(dir, "over.txt")
	data := []byte(strings.Repeat("word ", DefaultMaxBytes/5))
	data = append(data, strings.Repeat("x", DefaultMaxBytes-len(data))...)
	if err := os.WriteFile(atLimit, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(over, append(data, 'x'), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), []string{atLimit}, LoadOptions{}); err != nil {
		t.Errorf("a file of exactly 32 MiB: %v", err)
	}
	_, err := Load(context.Background(), []string{over}, LoadOptions{})
	wantInputError(t, err, over, want)

	_, err = Load(context.Background(), []string{"-"}, LoadOptions{Stdin: endless('a')})
	wantInputError(t, err, "standard input", want)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.Copy(w, endless('a'))
	}))
	defer srv.Close()
	_, err = Load(context.Background(), []string{srv.URL + "/endless"}, LoadOptions{Client: NewHTTPClient(30 * time.Second)})
	wantInputError(t, err, srv.URL+"/endless", want)
}

// TestLoadDevice checks that a device that never ends is read up to the
// limit, not forever.
func TestLoadDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	_, err := Load(context.Background(), []string{"/dev/zero"}, LoadOptions{MaxBytes: 1 << 20})
	wantInputError(t, err, "/dev/zero", "larger than the limit of 1 MiB")
}

// TestLoadNotText checks the inputs that are not articles at all: each is
// refused with one message naming the input.
func TestLoadNotText(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"gzip.txt", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), "binary data (NUL bytes), not text"},
		{"pdf.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "not valid UTF-8 text (save it as UTF-8)"},
		{"utf16-no-bom.txt", []byte("T\x00h\x00e\x00 \x00b\x00r\x00i\x00d\x00g\x00e\x00"), "binary data (NUL bytes), not text"},
		{"utf32.txt", []byte("\xff\xfe\x00\x00T\x00\x00\x00"), "binary data (NUL characters), not text"},
		{"truncated-utf8.txt", []byte("The bridge is in K\xc3"), "not valid UTF-8 text"},
		{"overlong-utf8.txt", []byte("The bridge \xc0\xaf collapsed."), "not valid UTF-8 text"},
		{"surrogate-utf8.txt", []byte("The bridge \xed\xa0\x80 collapsed."), "not valid UTF-8 text"},
		{"nul-at-end.txt", []byte("The bridge collapsed.\n\x00"), "binary data (NUL bytes), not text"},
		{"only-bom-and-space.txt", []byte("\xef\xbb\xbf \r\n\t\r\n"), "empty article: no text to compare"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(context.Background(), []string{path}, LoadOptions{})
			wantInputError(t, err, path, tc.want)
		})
	}
}

// TestLoadWindowsLineEndings checks that an article with CR LF line
// endings gives the same sentences as with LF, with offsets into its own
// text.
func TestLoadWindowsLineEndings(t *testing.T) {
	dir := t.TempDir()
	unix := "Bridge falls\n\nThe old bridge collapsed on Saturday.\nEngineers said it had been closed.\n\n\"We were lucky,\" the mayor said.\n"
	windows := strings.ReplaceAll(unix, "\n", "\r\n")
	writeFiles(t, dir, map[string]string{"unix.txt": unix, "windows.txt": windows})
	ev, err := Load(context.Background(), []string{filepath.Join(dir, "unix.txt"), filepath.Join(dir, "windows.txt")}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(ev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, w := res.Articles[0], res.Articles[1]
	if u.Headline != w.Headline || len(u.Sentences) != len(w.Sentences) || len(u.Quotes) != len(w.Quotes) {
		t.Fatalf("LF: headline %q, %d sentences, %d quotes; CR LF: %q, %d, %d",
			u.Headline, len(u.Sentences), len(u.Quotes), w.Headline, len(w.Sentences), len(w.Quotes))
	}
	for i := range u.Sentences {
		if u.Sentences[i].Text != w.Sentences[i].Text || strings.Contains(w.Sentences[i].Text, "\r") {
			t.Errorf("sentence %d: %q with LF, %q with CR LF", i, u.Sentences[i].Text, w.Sentences[i].Text)
		}
	}
	checkArticleSpans(t, w, "text")
	if len(res.Alignments) != len(u.Sentences) {
		t.Errorf("%d alignments of %d sentences: the two line endings should align every sentence", len(res.Alignments), len(u.Sentences))
	}
}

// TestManifestSymlinks checks that a manifest cannot reach outside its
// folder through a symbolic link, to a file or through a folder, while
// links that stay inside are read.
func TestManifestSymlinks(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	event := filepath.Join(root, "event")
	writeFiles(t, root, map[string]string{
		"outside/secret.txt": "The secret that slant must not read.\n",
		"event/a.txt":        loadArticle,
		"event/sub/b.txt":    loadArticle,
	})
	links := map[string]string{
		"event/secret.txt":   filepath.Join(outside, "secret.txt"), // absolute target
		"event/up.txt":       filepath.Join("..", "outside", "secret.txt"),
		"event/elsewhere":    outside,                       // a folder
		"event/inside.txt":   filepath.Join("sub", "b.txt"), // a.txt is listed beside it
		"event/insidedir":    "sub",
		"event/absinside":    filepath.Join(event, "sub"),
		"event/dangling.txt": filepath.Join(outside, "gone.txt"),
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	manifest := func(file string) error {
		writeFiles(t, event, map[string]string{ManifestName: "articles:\n  - file: a.txt\n  - file: " + file + "\n"})
		_, err := Load(context.Background(), []string{event}, LoadOptions{})
		return err
	}
	for _, file := range []string{"secret.txt", "up.txt", "elsewhere/secret.txt", "insidedir/../elsewhere/secret.txt"} {
		t.Run(file, func(t *testing.T) {
			err := manifest(file)
			var me *ManifestError
			if !errors.As(err, &me) || len(me.Problems) != 1 {
				t.Fatalf("error = %v, want a ManifestError", err)
			}
			want := fmt.Sprintf("%s:3:11: file %q leaves the manifest's folder through a symbolic link",
				filepath.Join(event, ManifestName), file)
			if err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
		})
	}
	for _, file := range []string{"inside.txt", "insidedir/b.txt", "absinside/b.txt"} {
		t.Run(file, func(t *testing.T) {
			if err := manifest(file); err != nil {
				t.Errorf("a link inside the folder: %v", err)
			}
		})
	}
	t.Run("dangling", func(t *testing.T) {
		wantInputError(t, manifest("dangling.txt"), filepath.Join(event, "dangling.txt"), "no such file")
	})
}

// TestManifestYAMLBombs checks that aliases, which can make a few lines
// stand for billions of values, and deep nesting are refused with one
// message at their place.
func TestManifestYAMLBombs(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("title: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 20; i++ {
		fmt.Fprintf(&bomb, "x%d: &a%d [%s*a%d]\n", i, i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8), i-1)
	}
	bomb.WriteString("articles: *a19\n")
	tests := []struct {
		name, yaml, want string
	}{
		{"billion laughs", bomb.String(), "event.yaml:2:10: alias *a0: anchors and aliases are not supported; write the value out (171 more aliases)"},
		{"merge key", "base: &b {outlet: Wire}\narticles:\n  - <<: *b\n    file: a.txt\n", "event.yaml:3:9: alias *b: anchors and aliases are not supported; write the value out"},
		{"alias for a path", "p: &p /etc/passwd\narticles:\n  - file: *p\n", "event.yaml:3:11: alias *p:"},
		{"deep flow nesting", "articles: " + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "\n", "event.yaml:1:1: exceeded max depth of 10000"},
		{"deep block nesting", "articles:\n" + func() string {
			var b strings.Builder
			for i := range 2000 {
				b.WriteString(strings.Repeat(" ", 2*i+2) + "- \n")
			}
			return b.String()
		}(), "event.yaml:3:5: article: want a mapping with file: or url:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := parseManifest("event.yaml", []byte(tc.yaml))
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("parseManifest took %v", elapsed)
			}
			var me *ManifestError
			if !errors.As(err, &me) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error = %v, want a ManifestError starting %q", err, tc.want)
			}
		})
	}
}

// TestFetchTLS checks that a server whose certificate is not trusted is a
// failing URL, and that the certificate is the reason.
func TestFetchTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, loadArticle)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	srv.StartTLS()
	defer srv.Close()
	url := srv.URL + "/story"
	if !strings.HasPrefix(url, "https://") {
		t.Fatalf("test server at %s", url)
	}
	_, err := Load(context.Background(), []string{url}, LoadOptions{})
	wantInputError(t, err, url, "fetch failed", "certificate")
	// The same server, its certificate trusted, serves the article.
	if _, err := Load(context.Background(), []string{url}, LoadOptions{Client: srv.Client()}); err != nil {
		t.Errorf("with the certificate trusted: %v", err)
	}
	// A server that speaks plain HTTP on an https:// address.
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer plain.Close()
	url = "https://" + strings.TrimPrefix(plain.URL, "http://") + "/story"
	_, err = Load(context.Background(), []string{url}, LoadOptions{Client: NewHTTPClient(5 * time.Second)})
	wantInputError(t, err, url, "fetch failed")
}
