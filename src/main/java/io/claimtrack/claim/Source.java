package io.claimtrack.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a claim was reported. */
@Embeddable
public class Source {

    @Column(name = "source_url")
    public String url;

    @Column(name = "source_title")
    public String title;

    @Column(name = "source_publisher")
    public String publisher;
}
