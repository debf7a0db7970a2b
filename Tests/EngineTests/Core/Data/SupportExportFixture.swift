import Core
import Synthetic
/// A small file in the public "customer support tickets" export format, written for these
/// tests: quoted multi-line descriptions, every status, empty times on open tickets, one
/// duplicate id, one unknown priority, and one resolution before its first response.
enum SupportExportFixture {
    static let text = """
    Ticket ID,Customer Name,Customer Email,Customer Age,Customer Gender,Product Purchased,Date of Purchase,Ticket Type,Ticket Subject,Ticket Description,Ticket Status,Resolution,Ticket Priority,Ticket Channel,First Response Time,Time to Resolution,Customer Satisfaction Rating
    1,Marisa Obrien,carrollallison@example.com,32,Other,GoPro Hero,2021-03-22,Technical issue,Product setup,"I'm having an issue with the {product_purchased}. Please assist.

    Your billing zip code is: 71701.",Pending Customer Response,,Critical,Social media,2023-06-01 12:15,,
    2,Jessica Rios,clarkeashley@example.com,42,Female,LG Smart TV,2021-05-22,Technical issue,Peripheral compatibility,"I've noticed a ""glitch"", it stops, then starts.",Pending Customer Response,,Critical,Chat,2023-06-01 16:45,,
    3,Christopher Robbins,gonzalestracy@example.com,48,Other,Dell XPS,2020-07-14,Technical issue,Network problem,"I'm facing a problem with my {product_purchased}, again.",Closed,Case maybe show recently my computer follow.,Low,Social media,2023-06-01 11:14,2023-06-01 18:05,3
    4,Christina Dillon,bradleyolson@example.org,27,Female,Microsoft Office,2020-11-13,Billing inquiry,Account access,"Access problem, see below:
    line two
    line three",Closed,Try capital clearly never color toward story.,Low,Social media,2023-06-01 07:29,2023-06-01 01:57,1
    5,Alexander Carroll,bradleymark@example.com,67,Female,Autodesk AutoCAD,2020-02-04,Billing inquiry,Data loss,I'm having an issue.,Closed,West decision evidence bit.,Low,Email,2023-06-01 00:12,2023-06-01 19:53,1
    6,Rebecca Fleming,sheenasmith@example.com,53,Male,Microsoft Office,2020-07-28,Cancellation request,Payment issue,Cancel please.,Open,,Low,Social media,,,
    7,Jacqueline Wright,donaldkeith@example.org,24,Other,Microsoft Surface,2020-02-23,Product inquiry,Refund request,What is this?,Open,,Critical,Social media,,,
    8,Denise Lee,joelwilliams@example.com,23,Male,Philips Hue Lights,2020-08-09,Refund request,Battery life,Refund.,Open,,Urgent,Social media,,,
    7,Duplicate Row,dup@example.com,30,Male,Fitbit Versa Smartwatch,2020-01-01,Refund request,Battery life,Duplicate.,Open,,High,Email,,,
    9,Nicolas Wilson,joshua24@example.com,60,Other,Fitbit Versa Smartwatch,2020-07-16,Technical issue,Installation support,"Fine.",Closed,Measure tonight surface feel forward.,High,Phone,2023-06-01 10:32,2023-06-01 22:52,4

    """
}
