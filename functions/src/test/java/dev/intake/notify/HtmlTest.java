package dev.intake.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkup() {
        assertThat(Html.escape("<img src=x onerror=\"a('&')\">"))
                .isEqualTo("&lt;img src=x onerror=&quot;a(&#39;&amp;&#39;)&quot;&gt;");
    }

    @Test
    void turnsNullIntoNothing() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
